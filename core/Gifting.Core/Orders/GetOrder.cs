namespace Gifting.Core.Orders;

/// <summary>
/// An org's order, its lines and its list. An order is looked for only under the caller's org, so another org's order
/// is not found, exactly as an order that does not exist.
/// </summary>
public sealed class GetOrder(IOrderStore orders)
{
    public async Task<Result<Order>> ExecuteAsync(OrgId org, string orderId, CancellationToken cancellationToken)
    {
        var stored = await orders.ReadAsync(org, orderId, cancellationToken);
        return stored is { Order.Visible: true }
            ? stored.Order
            : new Failure(ErrorCode.OrderNotFound, "The org has no order with this id.");
    }

    public Task<Page<Order>> ListAsync(OrgId org, int limit, string? cursor, CancellationToken cancellationToken) =>
        orders.ListAsync(org, limit, cursor, cancellationToken);

    public async Task<Result<Page<GiftLine>>> LinesAsync(
        OrgId org, string orderId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var order = await ExecuteAsync(org, orderId, cancellationToken);
        if (!order.Succeeded) return order.Failure!;
        return await orders.ListLinesAsync(orderId, limit, cursor, cancellationToken);
    }
}
