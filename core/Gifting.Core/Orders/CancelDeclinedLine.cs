using Gifting.Core.Cards;

namespace Gifting.Core.Orders;

/// <summary>
/// A line's card was declined at review. A cancellation that met the card held left the line to the review; if the
/// line's order is cancelled, the line is cancelled now, its code erased and its value given back, as the
/// cancellation would have done. Safe to run again: a line already cancelled is given back once.
/// </summary>
public sealed class CancelDeclinedLine(IOrderStore orders, LineCards lineCards)
{
    public async Task ExecuteAsync(Card card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Line is not { } at || card.Status != CardStatus.Cancelled) return;
        var order = await orders.ReadAsync(at.Org, at.OrderId, cancellationToken);
        if (order?.Order.Status != OrderStatus.Cancelled) return;
        var line = await orders.ReadLineAsync(at.OrderId, at.Index, cancellationToken)
            ?? throw new InvalidOperationException($"Line {at.LineId} of order {at.OrderId} is not stored.");
        if (line.Line.CardId != card.CardId) return;
        await lineCards.CancelAsync(order.Order, line, cancellationToken);
    }
}
