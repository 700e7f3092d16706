using Gifting.Core.Orders;

namespace Gifting.Core.Delivery;

/// <summary>
/// Records how a delivery ended. The order counts the line first, under a mark, and only when this is the end of its
/// first delivery (or a resend that reached a line whose first one failed); then the line records the delivery done
/// and lets its claim go; then the mark is dropped. A run stopped after the count counts nothing the second time, as
/// the mark is still there; a run stopped after the line's write finds the delivery done and ends.
/// </summary>
internal sealed class DeliveryRecord(IOrderStore orders, TimeProvider clock)
{
    public async Task EndAsync(
        StoredLine claimed, string deliveryId, SendResult sent, CancellationToken cancellationToken)
    {
        var line = claimed.Line;
        var (mark, delta) = CountOf(line, sent.Outcome == SendOutcome.Sent);
        if (mark is not null) await orders.CountOnceAsync(line.Org, line.OrderId, mark, delta, cancellationToken);
        await orders.ChangeAsync(claimed, current => Ended(current, deliveryId, sent), cancellationToken);
        if (mark is not null) await orders.ForgetMarkAsync(line.Org, line.OrderId, mark, cancellationToken);
    }

    private static (string? Mark, OrderCounts Delta) CountOf(GiftLine line, bool sent) => (line.Status, sent) switch
    {
        (LineStatus.Scheduled, true) => ($"sent-{line.LineId}", OrderCounts.None with { Sent = 1 }),
        (LineStatus.Scheduled, false) => ($"failed-{line.LineId}", OrderCounts.None with { Failed = 1 }),
        (LineStatus.Failed, true) => ($"recovered-{line.LineId}", OrderCounts.None with { Sent = 1, Failed = -1 }),
        _ => (null, OrderCounts.None),
    };

    /// <summary>
    /// The line with the delivery done. A line redeemed or cancelled meanwhile keeps that status; a sent line stays
    /// sent when a resend fails.
    /// </summary>
    private GiftLine Ended(GiftLine line, string deliveryId, SendResult sent)
    {
        var done = line with
        {
            DoneDelivery = deliveryId, ClaimedDelivery = null, ClaimedAt = null, FirstClaimedAt = null,
        };
        if (line.Status is LineStatus.Redeemed or LineStatus.Cancelled) return done;
        return sent.Outcome == SendOutcome.Sent
            ? done with { Status = LineStatus.Sent, SentAt = clock.GetUtcNow(), FailureReason = null }
            : line.Status == LineStatus.Sent
                ? done
                : done with { Status = LineStatus.Failed, FailureReason = sent.Reason ?? "The provider refused it." };
    }
}
