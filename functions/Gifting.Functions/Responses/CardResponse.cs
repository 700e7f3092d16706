using Gifting.Core;
using Gifting.Core.Cards;

namespace Gifting.Functions.Responses;

/// <summary>What support and retailers see of a card: never its code.</summary>
public sealed record CardResponse(
    string CardId, string Serial, string Last4, string Status, Money Value, string Marketplace,
    DateTimeOffset? RedeemedAt, bool PendingReview, bool Frozen = false)
{
    public static CardResponse Of(Card card) => new(
        card.CardId, card.Serial, card.Last4, StatusName(card.Status), card.Value, card.Marketplace.Code,
        card.RedeemedAt, card.Status == CardStatus.Held, card.Frozen);

    /// <summary>The contract's four states; a card mid-redemption or held for review is already spoken for.</summary>
    public static string StatusName(CardStatus status) => status switch
    {
        CardStatus.Inactive => "inactive",
        CardStatus.Active => "active",
        CardStatus.Redeeming or CardStatus.Redeemed or CardStatus.Held => "redeemed",
        CardStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
