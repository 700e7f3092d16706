using Gifting.Core.Concurrency;

namespace Gifting.Core.Cards;

public sealed record ActivateCardCommand(string Serial, string RetailerId, string? ReceiptRef);

/// <summary>A retailer activates a physical card at the till. Repeating the same activation is harmless.</summary>
public sealed class ActivateCard(ICardStore cards, TimeProvider clock)
{
    public Task<Result<Card>> ExecuteAsync(ActivateCardCommand command, CancellationToken cancellationToken)
    {
        var lookup = new SerialLookup(cards, command.Serial);
        return OptimisticRetry.RunAsync<Card>($"card {command.Serial}", async () =>
        {
            var stored = await lookup.ReadAsync(cancellationToken);
            if (stored is null) return new Failure(ErrorCode.CardNotFound, "No card has this serial.");
            var card = stored.Card;
            if (card.Frozen) return new Failure(ErrorCode.CardFrozen, "This card is frozen.");
            switch (card.Status)
            {
                case CardStatus.Active
                    when card.ActivatedBy == command.RetailerId && card.ReceiptRef == command.ReceiptRef:
                    return card;
                case CardStatus.Active:
                    return new Failure(ErrorCode.CardAlreadyActive, "This card is already active.");
                case CardStatus.Redeeming or CardStatus.Redeemed or CardStatus.Held:
                    return new Failure(ErrorCode.AlreadyRedeemed, "This card has already been redeemed.");
                case CardStatus.Cancelled:
                    return new Failure(ErrorCode.CardCancelled, "This card has been cancelled.");
            }
            var active = card with
            {
                Status = CardStatus.Active,
                ActivatedAt = clock.GetUtcNow(),
                ActivatedBy = command.RetailerId,
                ReceiptRef = command.ReceiptRef,
            };
            if (await cards.TryReplaceAsync(active, stored.ETag, cancellationToken) is null) return null;
            return active;
        }, cancellationToken);
    }
}
