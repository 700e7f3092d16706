using System.Globalization;
using System.Text.RegularExpressions;
using Gifting.Core;
using Gifting.Core.Orders;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Orders in the <c>orders</c> container, partitioned by org, so an order is found only under its own org; their lines
/// in <c>order-lines</c>, partitioned by order, so a chunk reads its lines in one query. An order's own fields change
/// by a patch conditional on the ETag the caller read, and its counts by a patch conditional on the step's mark being
/// absent: neither write can undo the other, and a step counted once is never counted again.
/// </summary>
public sealed partial class CosmosOrderStore(GiftingContainers containers) : IOrderStore
{
    private const int WriteParallelism = 16;

    private Container Orders => containers.Orders;
    private Container Lines => containers.OrderLines;

    public async Task<StoredOrder> CreateAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            var response = await Orders.CreateItemAsync(
                OrderDocument.From(order), new PartitionKey(order.Org.Value), cancellationToken: cancellationToken);
            return new StoredOrder(order, response.ETag);
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            return await ReadAsync(order.Org, order.OrderId, cancellationToken)
                ?? throw new InvalidOperationException($"Order {order.OrderId} conflicted but cannot be read.");
        }
    }

    public async Task<StoredOrder?> ReadAsync(OrgId org, string orderId, CancellationToken cancellationToken)
    {
        var (document, etag) = await Orders.ReadOrNullAsync<OrderDocument>(orderId, org.Value, cancellationToken);
        return document is null ? null : new StoredOrder(document.ToOrder(), etag!);
    }

    public async Task<string?> TryReplaceAsync(Order order, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        PatchOperation[] changes =
        [
            PatchOperation.Set("/status", order.Status),
            PatchOperation.Set("/visible", order.Visible),
            PatchOperation.Set("/publishedFor", order.PublishedFor),
            PatchOperation.Set("/cancelledAt", order.CancelledAt),
            PatchOperation.Set("/cancelledBy", order.CancelledBy),
        ];
        try
        {
            var response = await Orders.PatchItemAsync<OrderDocument>(order.OrderId, new PartitionKey(order.Org.Value),
                changes, new PatchItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
            return response.ETag;
        }
        catch (CosmosException e) when (e.IsStale() || e.IsNotFound())
        {
            return null;
        }
    }

    public async Task<bool> CountOnceAsync(
        OrgId org, string orderId, string mark, OrderCounts delta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delta);
        CheckMark(mark);
        var changes = new List<PatchOperation> { PatchOperation.Set($"/marks/{mark}", true) };
        if (delta.Issued != 0) changes.Add(PatchOperation.Increment("/counts/issued", delta.Issued));
        if (delta.Sent != 0) changes.Add(PatchOperation.Increment("/counts/sent", delta.Sent));
        if (delta.Failed != 0) changes.Add(PatchOperation.Increment("/counts/failed", delta.Failed));
        if (delta.Redeemed != 0) changes.Add(PatchOperation.Increment("/counts/redeemed", delta.Redeemed));
        try
        {
            await Orders.PatchItemAsync<OrderDocument>(orderId, new PartitionKey(org.Value), changes,
                new PatchItemRequestOptions { FilterPredicate = $"FROM c WHERE NOT IS_DEFINED(c.marks[\"{mark}\"])" },
                cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsStale() || e.IsNotFound())
        {
            return false;
        }
    }

    public async Task ForgetMarkAsync(OrgId org, string orderId, string mark, CancellationToken cancellationToken)
    {
        CheckMark(mark);
        try
        {
            await Orders.PatchItemAsync<OrderDocument>(orderId, new PartitionKey(org.Value),
                [PatchOperation.Remove($"/marks/{mark}")],
                new PatchItemRequestOptions { FilterPredicate = $"FROM c WHERE IS_DEFINED(c.marks[\"{mark}\"])" },
                cancellationToken);
        }
        catch (CosmosException e) when (e.IsStale() || e.IsNotFound())
        {
            // Already forgotten.
        }
    }

    /// <summary>
    /// The emulator runs no ORDER BY, so the page is chosen from the sort keys alone (a small projection, one row per
    /// visible order of the org older than the cursor), sorted here, and then read in one query.
    /// </summary>
    public async Task<Page<Order>> ListAsync(
        OrgId org, int limit, string? cursor, CancellationToken cancellationToken)
    {
        if (cursor is not null && !SortKeyShape().IsMatch(cursor)) return new Page<Order>([], null);
        var take = Take(limit);
        var keys = new QueryDefinition("SELECT c.id, c.sortKey FROM c WHERE c.pk = @pk AND c.visible = true"
                + (cursor is null ? "" : " AND c.sortKey < @cursor"))
            .WithParameter("@pk", org.Value)
            .WithParameter("@cursor", cursor);
        var newest = (await Orders.QueryPartitionAsync<OrderKey>(keys, org.Value, cancellationToken))
            .OrderByDescending(k => k.SortKey, StringComparer.Ordinal).Take(take + 1).ToList();
        var ids = newest.Take(take).Select(k => k.Id).ToArray();
        if (ids.Length == 0) return new Page<Order>([], null);
        var read = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND ARRAY_CONTAINS(@ids, c.id)")
            .WithParameter("@pk", org.Value)
            .WithParameter("@ids", ids);
        var page = (await Orders.QueryPartitionAsync<OrderDocument>(read, org.Value, cancellationToken))
            .OrderByDescending(d => d.SortKey, StringComparer.Ordinal).Select(d => d.ToOrder()).ToList();
        return new Page<Order>(page, newest.Count > take ? newest[take - 1].SortKey : null);
    }

    internal sealed record OrderKey(string Id, string SortKey);

    private static int Take(int limit) => Math.Clamp(limit, 1, 1000);

    private static void CheckMark(string mark)
    {
        if (!MarkShape().IsMatch(mark))
            throw new ArgumentException("A mark is 1-64 lower-case letters, digits and dashes.", nameof(mark));
    }

    private static string IndexText(int index) => index.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex MarkShape();

    [GeneratedRegex("^[0-9]{15}:[0-9a-f]{32}$")]
    private static partial Regex SortKeyShape();
}
