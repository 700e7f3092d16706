using System.Globalization;
using Gifting.Core;
using Gifting.Core.Orders;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Unfinished order work by the hour it began, in the <c>expiries</c> container beside the other hourly indexes
/// (<c>orders-yyyyMMddHH</c>, see <see cref="HourlyEntries{TEntry, TDocument}"/>): an order's intake pays one upsert
/// and one delete.
/// </summary>
public sealed class CosmosUnfinishedOrderIndex(GiftingContainers containers) : IUnfinishedOrderIndex
{
    private readonly HourlyEntries<UnfinishedOrder, EntryDocument> _entries =
        new(containers.Expiries, "orders-", EntryDocument.From, d => d.ToEntry(), e => e.Since);

    public Task AddAsync(UnfinishedOrder entry, CancellationToken cancellationToken) =>
        _entries.AddAsync(entry, cancellationToken);

    public Task<IReadOnlyList<UnfinishedOrder>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken) =>
        _entries.DueAsync(upTo, max, cancellationToken);

    public Task RemoveAsync(UnfinishedOrder entry, CancellationToken cancellationToken) =>
        _entries.RemoveAsync(entry, cancellationToken);

    internal sealed record EntryDocument(
        string Id, string Pk, string Org, string OrderId, DateTimeOffset Since, long SinceMs) : IHourlyDocument
    {
        public static EntryDocument From(UnfinishedOrder e, HourlyIndex hours) => new(
            $"{e.OrderId}:{e.Since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            hours.Bucket(e.Since), e.Org.Value, e.OrderId, e.Since, e.Since.ToUnixTimeMilliseconds());

        public UnfinishedOrder ToEntry() => new(OrgId.Parse(Org), OrderId, Since);
    }
}
