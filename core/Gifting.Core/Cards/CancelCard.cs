using Gifting.Core.Concurrency;
using Gifting.Core.Liability;
using Gifting.Core.Redemptions;

namespace Gifting.Core.Cards;

/// <summary>An admin cancels a card that has not been redeemed; cancelling twice is harmless.</summary>
public sealed class CancelCard(
    ICardStore cards, CompleteRedemption complete, TimeProvider clock, CardTotals? cardTotals = null)
{
    public Task<Result<Card>> ExecuteAsync(string serial, CancellationToken cancellationToken)
    {
        var lookup = new SerialLookup(cards, serial);
        return OptimisticRetry.RunAsync<Card>($"card {serial}", async () =>
        {
            var stored = await lookup.ReadAsync(cancellationToken);
            if (stored is null) return new Failure(ErrorCode.CardNotFound, "No card has this serial.");
            var card = stored.Card;
            switch (card.Status)
            {
                case CardStatus.Cancelled:
                    // A cancellation that stopped before it was counted is counted by its repetition.
                    if (cardTotals is not null) await cardTotals.CancelledAsync(card);
                    return card;
                case CardStatus.Redeemed:
                    return new Failure(ErrorCode.AlreadyRedeemed, "This card has already been redeemed.");
                case CardStatus.Held:
                    return new Failure(ErrorCode.AlreadyRedeemed,
                        "This card's redemption is waiting for review: approve or decline it instead.");
                case CardStatus.Redeeming:
                    // Someone's claim is already binding: finish it rather than take value from them.
                    await complete.ExecuteAsync(stored, cancellationToken);
                    return null;
            }
            var cancelled = card with { Status = CardStatus.Cancelled, CancelledAt = clock.GetUtcNow() };
            if (await cards.TryReplaceAsync(cancelled, stored.ETag, cancellationToken) is null) return null;
            if (cardTotals is not null) await cardTotals.CancelledAsync(cancelled);
            return cancelled;
        }, cancellationToken);
    }
}
