using Gifting.Core.Cards;

namespace Gifting.Core.Redemptions;

public sealed record ReviewCommand(string Serial, bool Approve);

/// <summary>
/// Support approves a held redemption (the claimant is credited) or declines it (the card is cancelled). The card
/// moves first and the hold record goes last, so a retry after a crash finishes whatever was left.
/// </summary>
public sealed class ReviewRedemption(ICardStore cards, IHoldStore holds, CompleteRedemption complete, TimeProvider clock)
{
    public async Task<Result<CardView>> ExecuteAsync(ReviewCommand command, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await cards.FindBySerialAsync(command.Serial, cancellationToken);
            if (stored is null) return new Failure(ErrorCode.CardNotFound, "No card has this serial.");
            var card = stored.Card;
            if (card.Status == CardStatus.Held)
            {
                var next = command.Approve
                    ? card with { Status = CardStatus.Redeeming }
                    : card with { Status = CardStatus.Cancelled, CancelledAt = clock.GetUtcNow() };
                await cards.TryReplaceAsync(next, stored.ETag, cancellationToken);
                continue;
            }
            if (card.ClaimedBy is null || card.Status is CardStatus.Active or CardStatus.Inactive)
                return new Failure(ErrorCode.NotUnderReview, "This card has no redemption waiting for review.");

            var view = CardView.Of(card);
            if (card.Status == CardStatus.Redeeming)
            {
                var completed = await complete.ExecuteAsync(stored, cancellationToken);
                view = CardView.Of(completed.Succeeded ? completed.Value.Card : card);
            }
            await holds.RemoveAsync(AccountId.Parse(card.ClaimedBy), card.CardId, cancellationToken);
            return view;
        }
    }
}
