using Gifting.Core.Concurrency;

namespace Gifting.Core.Orders;

/// <summary>
/// The optimistic write of an order or a line that every step makes: the change is decided on the version last read
/// and written on its ETag; a write that lost is read again and decided again. A change that answers null has nothing
/// (more) to write, and the version read is the answer.
/// </summary>
internal static class OrderWrites
{
    public static async Task<StoredOrder> ChangeAsync(
        this IOrderStore orders, StoredOrder stored, Func<Order, Order?> change, CancellationToken cancellationToken)
    {
        var current = stored;
        var settled = await OptimisticRetry.RunAsync<StoredOrder>($"order {stored.Order.OrderId}", async () =>
        {
            if (change(current.Order) is not { } next) return current;
            if (await orders.TryReplaceAsync(next, current.ETag, cancellationToken) is { } etag)
                return new StoredOrder(next, etag);
            current = await orders.ReadAsync(stored.Order.Org, stored.Order.OrderId, cancellationToken)
                ?? throw new InvalidOperationException($"Order {stored.Order.OrderId} disappeared.");
            return null;
        }, cancellationToken);
        return settled.Value;
    }

    public static async Task<StoredLine> ChangeAsync(
        this IOrderStore orders, StoredLine stored, Func<GiftLine, GiftLine?> change,
        CancellationToken cancellationToken)
    {
        var line = stored.Line;
        var current = stored;
        var settled = await OptimisticRetry.RunAsync<StoredLine>($"line {line.LineId}", async () =>
        {
            if (change(current.Line) is not { } next) return current;
            if (await orders.TryReplaceLineAsync(next, current.ETag, cancellationToken) is { } etag)
                return new StoredLine(next, etag);
            current = await orders.ReadLineAsync(line.OrderId, line.Index, cancellationToken)
                ?? throw new InvalidOperationException($"Line {line.LineId} of order {line.OrderId} disappeared.");
            return null;
        }, cancellationToken);
        return settled.Value;
    }
}
