using Gifting.Core.Cards;
using Gifting.Core.Concurrency;

namespace Gifting.Core.Orders;

/// <summary>
/// An e-gift's card was redeemed: its line becomes redeemed, its sealed code and link are erased, and its order counts
/// it once. The run that moves the line counts it, under a mark on the order, and then clears the line's
/// <see cref="GiftLine.Uncounted"/>; a run that finds the line already moved leaves the count to that run, unless it is
/// the sweeper finishing a step that stopped (<c>finishing</c>), which counts under the same mark.
/// </summary>
public sealed class RecordLineRedeemed(IOrderStore orders)
{
    public async Task ExecuteAsync(Card card, bool finishing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Line is not { } at || card.Status != CardStatus.Redeemed) return;
        var current = await ReadAsync(at, cancellationToken);
        var moved = await OptimisticRetry.RunAsync<(StoredLine Line, bool Moved)>($"line {at.LineId}", async () =>
        {
            var line = current.Line;
            if (line.Status == LineStatus.Redeemed) return (current, false);
            if (line.Status == LineStatus.Cancelled || line.CardId != card.CardId)
                throw new InvalidOperationException(
                    $"Card {card.Serial} was redeemed, but line {at.LineId} of order {at.OrderId} is not its.");
            var redeemed = line with
            {
                Status = LineStatus.Redeemed, RedeemedAt = card.RedeemedAt, SealedCode = null, SealedLink = null,
                Uncounted = true,
            };
            if (await orders.TryReplaceLineAsync(redeemed, current.ETag, cancellationToken) is { } etag)
                return (new StoredLine(redeemed, etag), true);
            current = await ReadAsync(at, cancellationToken);
            return null;
        }, cancellationToken);
        var (stored, movedHere) = moved.Value;
        if (!stored.Line.Uncounted || !(movedHere || finishing)) return;
        var mark = $"redeemed-{at.LineId}";
        await orders.CountOnceAsync(at.Org, at.OrderId, mark, OrderCounts.None with { Redeemed = 1 },
            cancellationToken);
        await orders.ChangeAsync(stored, line => line.Uncounted ? line with { Uncounted = false } : null,
            cancellationToken);
        await orders.ForgetMarkAsync(at.Org, at.OrderId, mark, cancellationToken);
    }

    private async Task<StoredLine> ReadAsync(LineRef at, CancellationToken cancellationToken) =>
        await orders.ReadLineAsync(at.OrderId, at.Index, cancellationToken)
        ?? throw new InvalidOperationException($"Line {at.LineId} of order {at.OrderId} is not stored.");
}
