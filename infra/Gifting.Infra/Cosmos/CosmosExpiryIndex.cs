using System.Globalization;
using Gifting.Core;
using Gifting.Core.Promotions;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Lots by expiry hour (<c>lots-yyyyMMddHH</c>), read through an <see cref="HourlyIndex"/>: a read of what is due
/// looks at the hours from the watermark to now, one bounded page at a time, so its cost grows with the lots it
/// answers and the hours since the last run, never with the number of accounts or the entries already handled (they
/// are removed). A lot lowers the watermark to its hour before it is indexed.
/// </summary>
public sealed class CosmosExpiryIndex(GiftingContainers containers) : IExpiryIndex
{
    private readonly HourlyIndex _hours = new(containers.Expiries, "lots-", "watermark");

    private Container Expiries => containers.Expiries;

    public async Task AddAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        var document = LotDocument.From(lot, _hours);
        await LowerWatermarkAsync(HourlyIndex.Hour(lot.ExpiresAt), cancellationToken);
        await Expiries.UpsertItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<ExpiringLot>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        var (watermark, etag) = await _hours.ReadWatermarkAsync(cancellationToken);
        if (watermark is null) return [];
        // An hour that has ended and was found empty stays empty: a lot is indexed, then posted only while it is
        // still some minutes from its expiry (PromotionLimits.MinimumLead), so no entry that matters arrives late.
        return await _hours.ReadDueAsync(watermark.Hour, etag, upTo, max,
            (bucket, room) => PageAsync(bucket, upTo, room, cancellationToken), cancellationToken);
    }

    public Task RemoveAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        var document = LotDocument.From(lot, _hours);
        return _hours.RemoveAsync<LotDocument>(document.Id, document.Pk, cancellationToken);
    }

    /// <summary>
    /// The first <paramref name="max"/> due entries of one hour, in whatever order the partition holds them. The
    /// emulator has no <c>TOP</c> or <c>ORDER BY</c>, so the page size bounds the read instead; entries handled before
    /// were removed, so no page reads them again.
    /// </summary>
    private async Task<IReadOnlyList<ExpiringLot>> PageAsync(
        string bucket, DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.expiresAtMs <= @upTo")
            .WithParameter("@pk", bucket)
            .WithParameter("@upTo", upTo.ToUnixTimeMilliseconds());
        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(bucket), MaxItemCount = max };
        var found = new List<ExpiringLot>();
        using var iterator = Expiries.GetItemQueryIterator<LotDocument>(query, requestOptions: options);
        // A page may come back short (or empty) with more to follow; reading on continues where it left off.
        while (found.Count < max && iterator.HasMoreResults)
            found.AddRange((await iterator.ReadNextAsync(cancellationToken)).Select(d => d.ToLot()));
        return found.Count > max ? found[..max] : found;
    }

    private async Task LowerWatermarkAsync(DateTimeOffset hour, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (watermark, etag) = await _hours.ReadWatermarkAsync(cancellationToken);
            if (watermark is not null && watermark.Hour <= hour) return;
            // Someone moved it meanwhile: look again.
            if (await _hours.TryMoveWatermarkAsync(hour, etag, cancellationToken)) return;
        }
    }

    internal sealed record LotDocument(
        string Id, string Pk, string Account, string LotId, DateTimeOffset ExpiresAt, long ExpiresAtMs)
    {
        public static LotDocument From(ExpiringLot lot, HourlyIndex hours) => new(
            $"{lot.Account}:{lot.LotId}:"
                + $"{lot.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            hours.Bucket(lot.ExpiresAt), lot.Account.Value, lot.LotId, lot.ExpiresAt,
            lot.ExpiresAt.ToUnixTimeMilliseconds());

        public ExpiringLot ToLot() => new(AccountId.Parse(Account), LotId, ExpiresAt);
    }
}
