using System.Globalization;
using Gifting.Core;
using Gifting.Core.Redemptions;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Redemption steps by the hour they began, in the <c>expiries</c> container beside the promotional lots
/// (<c>redemptions-yyyyMMddHH</c>), read through an <see cref="HourlyIndex"/>. Steps are indexed at the time they
/// begin, always in the current hour, so only the sweeper moves the watermark and a redemption pays one upsert and
/// one delete. A run reads the hours from the watermark to now and nothing else.
/// </summary>
public sealed class CosmosUnfinishedRedemptionIndex(GiftingContainers containers) : IUnfinishedRedemptionIndex
{
    /// <summary>Where the first run ever starts looking.</summary>
    private static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(7);

    private readonly HourlyIndex _hours = new(containers.Expiries, "redemptions-", "redemptions-watermark");

    private Container Expiries => containers.Expiries;

    public Task AddAsync(UnfinishedRedemption entry, CancellationToken cancellationToken)
    {
        var document = EntryDocument.From(entry, _hours);
        return Expiries.UpsertItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<UnfinishedRedemption>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        var (watermark, etag) = await _hours.ReadWatermarkAsync(cancellationToken);
        // A past hour found empty stays empty (a step is indexed in the hour it begins): the watermark may pass it.
        var due = await _hours.ReadDueAsync(watermark?.Hour ?? upTo - FirstLookBack, etag, upTo, max,
            (bucket, _) => HourAsync(bucket, upTo, cancellationToken), cancellationToken);
        return due.OrderBy(e => e.Since).Take(max).ToList();
    }

    public Task RemoveAsync(UnfinishedRedemption entry, CancellationToken cancellationToken)
    {
        var document = EntryDocument.From(entry, _hours);
        return _hours.RemoveAsync<EntryDocument>(document.Id, document.Pk, cancellationToken);
    }

    private async Task<IReadOnlyList<UnfinishedRedemption>> HourAsync(
        string bucket, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.sinceMs <= @upTo")
            .WithParameter("@pk", bucket)
            .WithParameter("@upTo", upTo.ToUnixTimeMilliseconds());
        var found = await Expiries.QueryPartitionAsync<EntryDocument>(query, bucket, cancellationToken);
        return found.Select(f => f.ToEntry()).ToList();
    }

    internal sealed record EntryDocument(
        string Id, string Pk, string Serial, string RedemptionId, string Account, DateTimeOffset Since, long SinceMs)
    {
        public static EntryDocument From(UnfinishedRedemption e, HourlyIndex hours) => new(
            $"{e.RedemptionId}:{e.Since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            hours.Bucket(e.Since), e.Serial, e.RedemptionId, e.Account.Value, e.Since,
            e.Since.ToUnixTimeMilliseconds());

        public UnfinishedRedemption ToEntry() => new(Serial, RedemptionId, AccountId.Parse(Account), Since);
    }
}
