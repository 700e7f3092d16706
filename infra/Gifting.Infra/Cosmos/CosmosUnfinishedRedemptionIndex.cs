using System.Globalization;
using Gifting.Core;
using Gifting.Core.Redemptions;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Redemption steps by the hour they began, in the <c>expiries</c> container beside the promotional lots: one partition
/// per hour (<c>redemptions-yyyyMMddHH</c>) and a watermark naming the oldest hour that may still hold entries. Steps
/// are indexed at the time they begin, always in the current hour, so only the sweeper moves the watermark and a
/// redemption pays one upsert and one delete. A run reads the hours from the watermark to now and nothing else.
/// </summary>
public sealed class CosmosUnfinishedRedemptionIndex(GiftingContainers containers) : IUnfinishedRedemptionIndex
{
    private const string WatermarkId = "redemptions-watermark";

    /// <summary>Where the first run ever starts looking.</summary>
    private static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(7);

    private Container Expiries => containers.Expiries;

    public Task AddAsync(UnfinishedRedemption entry, CancellationToken cancellationToken)
    {
        var document = EntryDocument.From(entry);
        return Expiries.UpsertItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<UnfinishedRedemption>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        var (watermark, etag) =
            await Expiries.ReadOrNullAsync<WatermarkDocument>(WatermarkId, WatermarkId, cancellationToken);
        var lastHour = Hour(upTo);
        var due = new List<UnfinishedRedemption>();
        var emptyThrough = (DateTimeOffset?)null;
        var contiguous = true;
        var first = watermark?.Hour ?? Hour(upTo - FirstLookBack);
        for (var hour = first; hour <= lastHour && due.Count < max; hour = hour.AddHours(1))
        {
            var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.sinceMs <= @upTo")
                .WithParameter("@pk", Bucket(hour))
                .WithParameter("@upTo", upTo.ToUnixTimeMilliseconds());
            var found = await Expiries.QueryPartitionAsync<EntryDocument>(query, Bucket(hour), cancellationToken);
            due.AddRange(found.Select(f => f.ToEntry()));
            // A past hour found empty stays empty (a step is indexed in the hour it begins): the watermark may pass it.
            contiguous &= found.Count == 0 && hour < lastHour;
            if (contiguous) emptyThrough = hour;
        }
        if (emptyThrough is { } through)
            await TryMoveWatermarkAsync(through.AddHours(1), etag, cancellationToken);
        return due.OrderBy(e => e.Since).Take(max).ToList();
    }

    public async Task RemoveAsync(UnfinishedRedemption entry, CancellationToken cancellationToken)
    {
        var document = EntryDocument.From(entry);
        try
        {
            await Expiries.DeleteItemAsync<EntryDocument>(
                document.Id, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.IsNotFound())
        {
            // Already removed.
        }
    }

    private async Task TryMoveWatermarkAsync(DateTimeOffset hour, string? etag, CancellationToken cancellationToken)
    {
        var next = new WatermarkDocument(WatermarkId, WatermarkId, hour);
        var key = new PartitionKey(WatermarkId);
        try
        {
            if (etag is null)
                await Expiries.CreateItemAsync(next, key, cancellationToken: cancellationToken);
            else
                await Expiries.ReplaceItemAsync(
                    next, WatermarkId, key, new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
        }
        catch (CosmosException e) when (e.IsStale() || e.IsConflict())
        {
            // Another run moved it meanwhile; the next run moves it again.
        }
    }

    private static DateTimeOffset Hour(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static string Bucket(DateTimeOffset hour) =>
        "redemptions-" + hour.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    internal sealed record WatermarkDocument(string Id, string Pk, DateTimeOffset Hour);

    internal sealed record EntryDocument(
        string Id, string Pk, string Serial, string RedemptionId, string Account, DateTimeOffset Since, long SinceMs)
    {
        public static EntryDocument From(UnfinishedRedemption e) => new(
            $"{e.RedemptionId}:{e.Since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            Bucket(Hour(e.Since)), e.Serial, e.RedemptionId, e.Account.Value, e.Since,
            e.Since.ToUnixTimeMilliseconds());

        public UnfinishedRedemption ToEntry() => new(Serial, RedemptionId, AccountId.Parse(Account), Since);
    }
}
