using System.Globalization;
using Gifting.Core;
using Gifting.Core.Promotions;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Lots by expiry hour: one partition per hour (<c>lots-yyyyMMddHH</c>). A watermark document names the oldest hour
/// that may still hold entries, so a read of what is due looks at the hours from the watermark to now and nothing
/// else, one bounded page at a time: its cost grows with the lots it answers and the hours since the last run, never
/// with the number of accounts or the entries already handled (they are removed).
/// </summary>
public sealed class CosmosExpiryIndex(GiftingContainers containers) : IExpiryIndex
{
    private const string WatermarkId = "watermark";

    private Container Expiries => containers.Expiries;

    public async Task AddAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        var document = LotDocument.From(lot);
        await LowerWatermarkAsync(Hour(lot.ExpiresAt), cancellationToken);
        await Expiries.UpsertItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<ExpiringLot>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        var (watermark, etag) =
            await Expiries.ReadOrNullAsync<WatermarkDocument>(WatermarkId, WatermarkId, cancellationToken);
        if (watermark is null) return [];
        var due = new List<ExpiringLot>();
        var emptyThrough = (DateTimeOffset?)null;
        var contiguous = true;
        var lastHour = Hour(upTo);
        for (var hour = watermark.Hour; hour <= lastHour && due.Count < max; hour = hour.AddHours(1))
        {
            var found = await PageAsync(hour, upTo, max - due.Count, cancellationToken);
            due.AddRange(found);
            // An hour that has ended and was found empty stays empty: a lot is indexed, then posted only while it is
            // still some minutes from its expiry (PromotionLimits.MinimumLead), so no entry that matters arrives late.
            contiguous &= found.Count == 0 && hour < lastHour;
            if (contiguous) emptyThrough = hour;
        }
        if (emptyThrough is { } through)
            await TryMoveWatermarkAsync(
                new WatermarkDocument(WatermarkId, WatermarkId, through.AddHours(1)), etag!, cancellationToken);
        return due;
    }

    /// <summary>
    /// The first <paramref name="max"/> due entries of one hour, in whatever order the partition holds them. The
    /// emulator has no <c>TOP</c> or <c>ORDER BY</c>, so the page size bounds the read instead; entries handled before
    /// were removed, so no page reads them again.
    /// </summary>
    private async Task<List<ExpiringLot>> PageAsync(
        DateTimeOffset hour, DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.expiresAtMs <= @upTo")
            .WithParameter("@pk", Bucket(hour))
            .WithParameter("@upTo", upTo.ToUnixTimeMilliseconds());
        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(Bucket(hour)), MaxItemCount = max };
        var found = new List<ExpiringLot>();
        using var iterator = Expiries.GetItemQueryIterator<LotDocument>(query, requestOptions: options);
        // A page may come back short (or empty) with more to follow; reading on continues where it left off.
        while (found.Count < max && iterator.HasMoreResults)
            found.AddRange((await iterator.ReadNextAsync(cancellationToken)).Select(d => d.ToLot()));
        return found.Count > max ? found[..max] : found;
    }

    public async Task RemoveAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        var document = LotDocument.From(lot);
        try
        {
            await Expiries.DeleteItemAsync<LotDocument>(
                document.Id, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.IsNotFound())
        {
            // Already removed.
        }
    }

    private async Task LowerWatermarkAsync(DateTimeOffset hour, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (watermark, etag) =
                await Expiries.ReadOrNullAsync<WatermarkDocument>(WatermarkId, WatermarkId, cancellationToken);
            if (watermark is not null && watermark.Hour <= hour) return;
            try
            {
                var lowered = new WatermarkDocument(WatermarkId, WatermarkId, hour);
                if (watermark is null)
                    await Expiries.CreateItemAsync(
                        lowered, new PartitionKey(WatermarkId), cancellationToken: cancellationToken);
                else
                    await Expiries.ReplaceItemAsync(lowered, WatermarkId, new PartitionKey(WatermarkId),
                        new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
                return;
            }
            catch (CosmosException e) when (e.IsConflict() || e.IsStale())
            {
                // Someone moved it meanwhile: look again.
            }
        }
    }

    private async Task TryMoveWatermarkAsync(WatermarkDocument next, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await Expiries.ReplaceItemAsync(next, WatermarkId, new PartitionKey(WatermarkId),
                new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
        }
        catch (CosmosException e) when (e.IsStale())
        {
            // A grant lowered it meanwhile; the next run moves it.
        }
    }

    private static DateTimeOffset Hour(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static string Bucket(DateTimeOffset hour) =>
        "lots-" + hour.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    internal sealed record WatermarkDocument(string Id, string Pk, DateTimeOffset Hour);

    internal sealed record LotDocument(
        string Id, string Pk, string Account, string LotId, DateTimeOffset ExpiresAt, long ExpiresAtMs)
    {
        public static LotDocument From(ExpiringLot lot) => new(
            $"{lot.Account}:{lot.LotId}:"
                + $"{lot.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            Bucket(Hour(lot.ExpiresAt)), lot.Account.Value, lot.LotId, lot.ExpiresAt,
            lot.ExpiresAt.ToUnixTimeMilliseconds());

        public ExpiringLot ToLot() => new(AccountId.Parse(Account), LotId, ExpiresAt);
    }
}
