using System.Globalization;
using Gifting.Core;
using Gifting.Core.Orders;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Unfinished order work by the hour it began, in the <c>expiries</c> container beside the other hourly indexes
/// (<c>orders-yyyyMMddHH</c>), read through an <see cref="HourlyIndex"/>: work is indexed when it begins, always in
/// the current hour, so only the sweeper moves the watermark, and an order's intake pays one upsert and one delete.
/// </summary>
public sealed class CosmosUnfinishedOrderIndex(GiftingContainers containers) : IUnfinishedOrderIndex
{
    /// <summary>Where the first run ever starts looking.</summary>
    private static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(7);

    private readonly HourlyIndex _hours = new(containers.Expiries, "orders-", "orders-watermark");

    private Container Expiries => containers.Expiries;

    public Task AddAsync(UnfinishedOrder entry, CancellationToken cancellationToken)
    {
        var document = EntryDocument.From(entry, _hours);
        return Expiries.UpsertItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<UnfinishedOrder>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        var (watermark, etag) = await _hours.ReadWatermarkAsync(cancellationToken);
        var due = await _hours.ReadDueAsync(watermark?.Hour ?? upTo - FirstLookBack, etag, upTo, max,
            (bucket, _) => HourAsync(bucket, upTo, cancellationToken), cancellationToken);
        return due.OrderBy(e => e.Since).Take(max).ToList();
    }

    public Task RemoveAsync(UnfinishedOrder entry, CancellationToken cancellationToken)
    {
        var document = EntryDocument.From(entry, _hours);
        return _hours.RemoveAsync<EntryDocument>(document.Id, document.Pk, cancellationToken);
    }

    private async Task<IReadOnlyList<UnfinishedOrder>> HourAsync(
        string bucket, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.sinceMs <= @upTo")
            .WithParameter("@pk", bucket)
            .WithParameter("@upTo", upTo.ToUnixTimeMilliseconds());
        var found = await Expiries.QueryPartitionAsync<EntryDocument>(query, bucket, cancellationToken);
        return found.Select(f => f.ToEntry()).ToList();
    }

    internal sealed record EntryDocument(
        string Id, string Pk, string Org, string OrderId, DateTimeOffset Since, long SinceMs)
    {
        public static EntryDocument From(UnfinishedOrder e, HourlyIndex hours) => new(
            $"{e.OrderId}:{e.Since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            hours.Bucket(e.Since), e.Org.Value, e.OrderId, e.Since, e.Since.ToUnixTimeMilliseconds());

        public UnfinishedOrder ToEntry() => new(OrgId.Parse(Org), OrderId, Since);
    }
}
