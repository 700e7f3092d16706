namespace Gifting.Core.Cards;

/// <summary>What support sees of a card: never its code.</summary>
public sealed record CardView(
    string CardId, string Serial, string Last4, string Status, Money Value, string Marketplace, DateTimeOffset? RedeemedAt, bool PendingReview)
{
    public static CardView Of(Card card) => new(
        card.CardId, card.Serial, card.Last4, StatusName(card.Status), card.Value, card.Marketplace.Code, card.RedeemedAt,
        card.Status == CardStatus.Held);

    /// <summary>The contract's four states; a card mid-redemption is already spoken for.</summary>
    public static string StatusName(CardStatus status) => status switch
    {
        CardStatus.Inactive => "inactive",
        CardStatus.Active => "active",
        CardStatus.Redeeming or CardStatus.Redeemed or CardStatus.Held => "redeemed",
        CardStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
