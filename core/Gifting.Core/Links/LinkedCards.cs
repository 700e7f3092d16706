using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Redemptions;

namespace Gifting.Core.Links;

/// <summary>
/// Finds a link token's card: by the token's HMAC in the link index, then the card by the code hash the entry names.
/// An unknown, altered or malformed token gets the answer an unknown code gets, so the link is no oracle.
/// </summary>
public sealed class LinkedCards(ILinkIndex links, ICardStore cards, CodeHasher hasher, TimeProvider clock)
{
    public const string Expired =
        "This link has expired. The claim code in the same message can still be typed in to redeem the card.";

    public async Task<CardLookup> FindAsync(string token, CancellationToken cancellationToken)
    {
        var unknown = new Failure(ErrorCode.InvalidCode, RedeemCode.NoSuchCode);
        if (!LinkToken.IsWellFormed(token)) return CardLookup.Malformed(unknown);
        var entry = await links.FindAsync(hasher.Candidates(CodePurpose.LinkToken, token), cancellationToken);
        if (entry is null) return CardLookup.Unknown(unknown);
        if (entry.ExpiresAt <= clock.GetUtcNow())
            return CardLookup.Unknown(new Failure(ErrorCode.InvalidCode, Expired));
        var card = await cards.FindByCodeHashAsync([entry.CodeHash], cancellationToken);
        return card is not null && card.Card.Line == entry.Line
            ? CardLookup.Found(card)
            : CardLookup.Unknown(unknown);
    }
}
