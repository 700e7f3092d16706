using Gifting.Core.Redemptions;

namespace Gifting.Core.Cards;

public sealed record ActivateCardCommand(string Serial, string RetailerId, string? ReceiptRef);

/// <summary>A retailer activates a physical card at the till. Repeating the same activation is harmless.</summary>
public sealed class ActivateCard(ICardStore cards, TimeProvider clock)
{
    public async Task<Result<CardView>> ExecuteAsync(ActivateCardCommand command, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await cards.FindBySerialAsync(command.Serial, cancellationToken);
            if (stored is null) return new Failure(ErrorCode.CardNotFound, "No card has this serial.");
            var card = stored.Card;
            switch (card.Status)
            {
                case CardStatus.Active when card.ActivatedBy == command.RetailerId && card.ReceiptRef == command.ReceiptRef:
                    return CardView.Of(card);
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
            if (await cards.TryReplaceAsync(active, stored.ETag, cancellationToken) is not null) return CardView.Of(active);
        }
    }
}

/// <summary>An admin cancels a card that has not been redeemed; cancelling twice is harmless.</summary>
public sealed class CancelCard(ICardStore cards, CompleteRedemption complete, TimeProvider clock)
{
    public async Task<Result<CardView>> ExecuteAsync(string serial, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await cards.FindBySerialAsync(serial, cancellationToken);
            if (stored is null) return new Failure(ErrorCode.CardNotFound, "No card has this serial.");
            var card = stored.Card;
            switch (card.Status)
            {
                case CardStatus.Cancelled:
                    return CardView.Of(card);
                case CardStatus.Redeemed:
                    return new Failure(ErrorCode.AlreadyRedeemed, "This card has already been redeemed.");
                case CardStatus.Held:
                    return new Failure(ErrorCode.AlreadyRedeemed, "This card's redemption is waiting for review: approve or decline it instead.");
                case CardStatus.Redeeming:
                    // Someone's claim is already binding: finish it rather than take value from them.
                    await complete.ExecuteAsync(stored, cancellationToken);
                    continue;
            }
            var cancelled = card with { Status = CardStatus.Cancelled, CancelledAt = clock.GetUtcNow() };
            if (await cards.TryReplaceAsync(cancelled, stored.ETag, cancellationToken) is not null) return CardView.Of(cancelled);
        }
    }
}

/// <summary>Support looks a card up by serial; a card found mid-redemption is finished first.</summary>
public sealed class GetCard(ICardStore cards, CompleteRedemption complete)
{
    public async Task<Result<CardView>> ExecuteAsync(string serial, CancellationToken cancellationToken)
    {
        var stored = await cards.FindBySerialAsync(serial, cancellationToken);
        if (stored is null) return new Failure(ErrorCode.CardNotFound, "No card has this serial.");
        if (stored.Card.Status != CardStatus.Redeeming) return CardView.Of(stored.Card);
        var completed = await complete.ExecuteAsync(stored, cancellationToken);
        if (completed.Succeeded) return CardView.Of(completed.Value.Card);
        // The claimant could not be credited and the card was given back: show it as it is now.
        var current = await cards.FindBySerialAsync(serial, cancellationToken);
        return CardView.Of((current ?? stored).Card);
    }
}
