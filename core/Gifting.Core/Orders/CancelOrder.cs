using Gifting.Core.Concurrency;

namespace Gifting.Core.Orders;

public sealed record CancelOrderCommand(OrgId Org, string OrderId, string CancelledBy);

/// <summary>
/// Cancels an order: it is marked cancelled at once, and its chunk messages go out again to cancel every line not
/// yet redeemed, lines still being issued included, giving each line's value back once. Cancelling again changes
/// nothing.
/// </summary>
public sealed class CancelOrder(
    IOrderStore orders, IUnfinishedOrderIndex unfinished, OrderChunks chunks, TimeProvider clock)
{
    public async Task<Result<Order>> ExecuteAsync(CancelOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var stored = await orders.ReadAsync(command.Org, command.OrderId, cancellationToken);
        if (stored is not { Order.Visible: true })
            return new Failure(ErrorCode.OrderNotFound, "The org has no order with this id.");
        var entry = new UnfinishedOrder(command.Org, command.OrderId, clock.GetUtcNow());
        if (stored.Order.Status == OrderStatus.Cancelled && !stored.Order.Unpublished) return stored.Order;
        await unfinished.AddAsync(entry, cancellationToken);
        var current = stored;
        var cancelled = await OptimisticRetry.RunAsync<StoredOrder>($"order {command.OrderId}", async () =>
        {
            var order = current.Order;
            if (order.Status == OrderStatus.Cancelled) return current;
            var next = order with
            {
                Status = OrderStatus.Cancelled, CancelledAt = clock.GetUtcNow(), CancelledBy = command.CancelledBy,
            };
            if (await orders.TryReplaceAsync(next, current.ETag, cancellationToken) is { } etag)
                return new StoredOrder(next, etag);
            current = await orders.ReadAsync(command.Org, command.OrderId, cancellationToken)
                ?? throw new InvalidOperationException($"Order {command.OrderId} disappeared.");
            return null;
        }, cancellationToken);
        return await chunks.PublishOrLeaveAsync(cancelled.Value, entry, cancellationToken);
    }
}
