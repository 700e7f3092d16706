using System.Globalization;
using Gifting.Core;
using Gifting.Core.Orders;

namespace Gifting.Testing;

/// <summary>
/// Orders keyed by org and id, lines by order and index, as in Cosmos. Every write gets a fresh ETag that a
/// conditional replace must match; counting under a mark is one atomic step, as the Cosmos patch with its filter.
/// </summary>
public sealed class InMemoryOrderStore : IOrderStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(OrgId, string), (StoredOrder Stored, HashSet<string> Marks)> _orders = [];
    private readonly Dictionary<(string, int), StoredLine> _lines = [];

    /// <summary>Every line as last written, for assertions.</summary>
    public IReadOnlyList<GiftLine> Lines
    {
        get
        {
            lock (_gate) return _lines.Values.Select(s => s.Line).OrderBy(l => l.OrderId).ThenBy(l => l.Index).ToList();
        }
    }

    /// <summary>The marks an order holds, for assertions.</summary>
    public IReadOnlyList<string> MarksOf(OrgId org, string orderId)
    {
        lock (_gate)
            return _orders.TryGetValue((org, orderId), out var o) ? [.. o.Marks.Order(StringComparer.Ordinal)] : [];
    }

    public Task<StoredOrder> CreateAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_gate)
        {
            if (_orders.TryGetValue((order.Org, order.OrderId), out var existing))
                return Task.FromResult(existing.Stored);
            var stored = new StoredOrder(order, NewETag());
            _orders.Add((order.Org, order.OrderId), (stored, new HashSet<string>(StringComparer.Ordinal)));
            return Task.FromResult(stored);
        }
    }

    public Task<StoredOrder?> ReadAsync(OrgId org, string orderId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_orders.TryGetValue((org, orderId), out var o) ? o.Stored : null);
    }

    public Task<string?> TryReplaceAsync(Order order, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_gate)
        {
            if (!_orders.TryGetValue((order.Org, order.OrderId), out var o) || o.Stored.ETag != etag)
                return Task.FromResult<string?>(null);
            var stored = new StoredOrder(order, NewETag());
            _orders[(order.Org, order.OrderId)] = (stored, o.Marks);
            return Task.FromResult<string?>(stored.ETag);
        }
    }

    public Task<bool> CountOnceAsync(
        OrgId org, string orderId, string mark, OrderCounts delta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delta);
        lock (_gate)
        {
            if (!_orders.TryGetValue((org, orderId), out var o) || !o.Marks.Add(mark)) return Task.FromResult(false);
            var c = o.Stored.Order.Counts;
            var counted = o.Stored.Order with
            {
                Counts = new OrderCounts(c.Issued + delta.Issued, c.Sent + delta.Sent, c.Failed + delta.Failed,
                    c.Redeemed + delta.Redeemed),
            };
            _orders[(org, orderId)] = (new StoredOrder(counted, NewETag()), o.Marks);
            return Task.FromResult(true);
        }
    }

    public Task ForgetMarkAsync(OrgId org, string orderId, string mark, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_orders.TryGetValue((org, orderId), out var o)) o.Marks.Remove(mark);
        }
        return Task.CompletedTask;
    }

    public Task<Page<Order>> ListAsync(OrgId org, int limit, string? cursor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var visible = _orders.Values.Select(o => o.Stored.Order)
                .Where(o => o.Org == org && o.Visible)
                .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.OrderId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(PageOf(visible, limit, cursor));
        }
    }

    public Task WriteLinesAsync(IReadOnlyList<GiftLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lock (_gate)
        {
            foreach (var line in lines) _lines.TryAdd((line.OrderId, line.Index), new StoredLine(line, NewETag()));
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredLine>> ReadLinesAsync(
        string orderId, int fromIndex, int toIndex, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredLine> found = Enumerable.Range(fromIndex, Math.Max(0, toIndex - fromIndex))
                .Select(i => _lines.GetValueOrDefault((orderId, i))).OfType<StoredLine>().ToList();
            return Task.FromResult(found);
        }
    }

    public Task<StoredLine?> ReadLineAsync(string orderId, int index, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_lines.GetValueOrDefault((orderId, index)));
    }

    public Task<string?> TryReplaceLineAsync(GiftLine line, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            if (!_lines.TryGetValue((line.OrderId, line.Index), out var stored) || stored.ETag != etag)
                return Task.FromResult<string?>(null);
            var next = new StoredLine(line, NewETag());
            _lines[(line.OrderId, line.Index)] = next;
            return Task.FromResult<string?>(next.ETag);
        }
    }

    public Task<Page<GiftLine>> ListLinesAsync(
        string orderId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var lines = _lines.Values.Select(s => s.Line).Where(l => l.OrderId == orderId).OrderBy(l => l.Index)
                .ToList();
            return Task.FromResult(PageOf(lines, limit, cursor));
        }
    }

    /// <summary>A cursor here is the position of the next item, which is all an in-memory list needs.</summary>
    private static Page<T> PageOf<T>(List<T> items, int limit, string? cursor)
    {
        var start = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var page = items.Skip(start).Take(limit).ToList();
        var next = start + page.Count < items.Count
            ? (start + page.Count).ToString(CultureInfo.InvariantCulture)
            : null;
        return new Page<T>(page, next);
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");
}
