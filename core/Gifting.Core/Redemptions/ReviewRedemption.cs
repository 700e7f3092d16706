using Gifting.Core.Cards;
using Gifting.Core.Concurrency;

namespace Gifting.Core.Redemptions;

public sealed record ReviewCommand(string Serial, bool Approve);

/// <summary>
/// Support approves a held redemption (the claimant is credited) or declines it (the card is cancelled). The card
/// moves first and the hold record goes last, so a retry after a crash finishes whatever was left.
/// </summary>
public sealed class ReviewRedemption(ICardStore cards, IHoldStore holds, CompleteRedemption complete, TimeProvider clock)
{
    public Task<Result<Card>> ExecuteAsync(ReviewCommand command, CancellationToken cancellationToken) =>
        OptimisticRetry.RunAsync<Card>($"card {command.Serial}", async () =>
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
                return null;
            }
            if (card.ClaimedBy is not { } claimant || card.Status is CardStatus.Active or CardStatus.Inactive)
                return new Failure(ErrorCode.NotUnderReview, "This card has no redemption waiting for review.");

            var settled = card;
            if (card.Status == CardStatus.Redeeming)
            {
                var completed = await complete.ExecuteAsync(stored, cancellationToken);
                settled = completed.Succeeded ? completed.Value.Card : card;
            }
            await holds.RemoveAsync(claimant, card.CardId, cancellationToken);
            return settled;
        }, cancellationToken);
}
