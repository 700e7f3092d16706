using Gifting.Core;
using Gifting.Core.Orders;

namespace Gifting.Functions.Responses;

/// <summary>What a <c>POST /api/orders</c> answers once the order and its lines are stored.</summary>
public sealed record OrderAcceptedResponse(string OrderId, string Status, string StatusUrl)
{
    public static OrderAcceptedResponse Of(Order order) =>
        new(order.OrderId, OrderResponse.StatusName(order.Progress()), OrderResponse.UrlOf(order.OrderId));
}

/// <summary>How many of an order's lines reached each point.</summary>
public sealed record OrderCountsBody(int Lines, int Issued, int Sent, int Failed, int Redeemed);

/// <summary>An order as its buyer follows it: where it is, and its counts.</summary>
public sealed record OrderResponse(
    string OrderId, string Status, OrderCountsBody Counts, Money Total, DateTimeOffset CreatedAt)
{
    public static OrderResponse Of(Order order) => new(
        order.OrderId, StatusName(order.Progress()),
        new OrderCountsBody(
            order.LineCount, order.Counts.Issued, order.Counts.Sent, order.Counts.Failed, order.Counts.Redeemed),
        order.Total, order.CreatedAt);

    public static string UrlOf(string orderId) => $"/api/orders/{orderId}";

    /// <summary>The contract's words; an order still in intake, or abandoned, is never shown.</summary>
    public static string StatusName(OrderStatus status) => status switch
    {
        OrderStatus.Accepted => "accepted",
        OrderStatus.Issuing => "issuing",
        OrderStatus.Delivering => "delivering",
        OrderStatus.Completed => "completed",
        OrderStatus.CompletedWithFailures => "completed_with_failures",
        OrderStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only a visible order is shown."),
    };
}
