using Gifting.Core.Cards;
using Gifting.Core.Concurrency;
using Gifting.Core.Liability;
using Gifting.Core.Orders;

namespace Gifting.Core.Redemptions;

public sealed record ReviewCommand(string Serial, bool Approve, string ReviewedBy);

/// <summary>
/// Support approves a held redemption (the claimant is credited) or declines it (the card is cancelled). The decision
/// and its reviewer are recorded in the one conditional write that takes the card out of <c>Held</c>, so exactly one
/// decision is ever applied. The hold document goes after that write; the reviewer's own retry finishes whatever a
/// crash left, and the sweeper does if nobody retries.
/// </summary>
public sealed class ReviewRedemption(
    ICardStore cards, IHoldStore holds, CompleteRedemption complete, IUnfinishedRedemptionIndex unfinished,
    CancelDeclinedLine declinedLines, TimeProvider clock, CardTotals? cardTotals = null)
{
    public Task<Result<Card>> ExecuteAsync(ReviewCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var decision = command.Approve ? ReviewDecision.Approved : ReviewDecision.Declined;
        var lookup = new SerialLookup(cards, command.Serial);
        return OptimisticRetry.RunAsync<Card>($"card {command.Serial}", async () =>
        {
            var stored = await lookup.ReadAsync(cancellationToken);
            if (stored is null) return new Failure(ErrorCode.CardNotFound, "No card has this serial.");
            var card = stored.Card;
            if (card.Status == CardStatus.Held)
            {
                var now = clock.GetUtcNow();
                var decided = card with
                {
                    Status = command.Approve ? CardStatus.Redeeming : CardStatus.Cancelled,
                    CancelledAt = command.Approve ? null : now,
                    ReviewDecision = decision,
                    ReviewedBy = command.ReviewedBy,
                    ReviewedAt = now,
                };
                // Indexed before the decision is written, so the sweeper finishes it if this process dies after.
                await unfinished.AddAsync(UnfinishedRedemption.Of(decided)!, cancellationToken);
                if (await cards.TryReplaceAsync(decided, stored.ETag, cancellationToken) is not { } etag) return null;
                return await FinishAsync(new StoredCard(decided, etag), CancellationToken.None);
            }
            // This reviewer's own decision, written by an attempt that did not live to answer: finish it, answer again.
            if (card.ReviewDecision == decision && card.ReviewedBy == command.ReviewedBy && card.ClaimedBy is not null)
                return await FinishAsync(stored, cancellationToken);
            return new Failure(ErrorCode.NotUnderReview, "This card has no redemption waiting for review.");
        }, cancellationToken);
    }

    /// <summary>Carries out a recorded decision and answers the card as it then is.</summary>
    private async Task<Card> FinishAsync(StoredCard decided, CancellationToken cancellationToken)
    {
        var card = decided.Card;
        if (cardTotals is not null) await cardTotals.ReviewedAsync(card);
        switch (card.Status)
        {
            case CardStatus.Redeeming:
                var completed = await complete.ExecuteAsync(decided, cancellationToken);
                if (completed.Succeeded) return completed.Value.Card;
                // The claimant's balance is locked to another marketplace now, so the card was given back.
                return (await cards.RereadAsync(card, CancellationToken.None))?.Card ?? card;
            case CardStatus.Cancelled:
                await holds.RemoveAsync(card.ClaimedBy!.Value, card.CardId, CancellationToken.None);
                // An e-gift's line follows its card before the step is forgotten, so the sweeper finishes it.
                await declinedLines.ExecuteAsync(card, CancellationToken.None);
                await unfinished.RemoveAsync(UnfinishedRedemption.Of(card)!, CancellationToken.None);
                return card;
            default:
                return card;
        }
    }
}
