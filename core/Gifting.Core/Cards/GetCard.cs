using Gifting.Core.Redemptions;

namespace Gifting.Core.Cards;

/// <summary>Support looks a card up by serial; a card found mid-redemption is finished first.</summary>
public sealed class GetCard(ICardStore cards, CompleteRedemption complete)
{
    public async Task<Result<Card>> ExecuteAsync(string serial, CancellationToken cancellationToken)
    {
        var stored = await cards.FindBySerialAsync(serial, cancellationToken);
        if (stored is null) return new Failure(ErrorCode.CardNotFound, "No card has this serial.");
        if (stored.Card.Status != CardStatus.Redeeming) return stored.Card;
        var completed = await complete.ExecuteAsync(stored, cancellationToken);
        if (completed.Succeeded) return completed.Value.Card;
        // The claimant could not be credited and the card was given back: show it as it is now.
        var current = await cards.RereadAsync(stored.Card, cancellationToken);
        return (current ?? stored).Card;
    }
}
