using Gifting.Core.Cards;

namespace Gifting.Core.Redemptions;

/// <summary>
/// The card a redemption names, or why there is none. <see cref="CostsAttempt"/> is false for input refused before
/// any lookup (a mistyped check symbol, a token of the wrong shape): it reveals nothing about what exists.
/// </summary>
public readonly record struct CardLookup(StoredCard? Card, Failure? Refusal, bool CostsAttempt)
{
    public static CardLookup Found(StoredCard card) => new(card, null, false);

    public static CardLookup Unknown(Failure refusal) => new(null, refusal, true);

    public static CardLookup Malformed(Failure refusal) => new(null, refusal, false);
}
