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
        var cancelled = await orders.ChangeAsync(stored, order => order.Status == OrderStatus.Cancelled
            ? null
            : order with
            {
                Status = OrderStatus.Cancelled, CancelledAt = clock.GetUtcNow(), CancelledBy = command.CancelledBy,
            }, cancellationToken);
        return await chunks.PublishOrLeaveAsync(cancelled, entry, cancellationToken);
    }
}
