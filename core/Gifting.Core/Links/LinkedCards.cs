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
        var opened = await OpenAsync(token, cancellationToken);
        var unknown = new Failure(ErrorCode.InvalidCode, RedeemCode.NoSuchCode);
        if (!opened.WellFormed) return CardLookup.Malformed(unknown);
        if (opened.Expired) return CardLookup.Unknown(new Failure(ErrorCode.InvalidCode, Expired));
        return opened.Card is null ? CardLookup.Unknown(unknown) : CardLookup.Found(opened.Card);
    }

    /// <summary>
    /// The token's entry and its line's card. An expired entry's card is not read: an expired link opens nothing.
    /// </summary>
    public async Task<OpenedLink> OpenAsync(string token, CancellationToken cancellationToken)
    {
        if (!LinkToken.IsWellFormed(token)) return new OpenedLink(false, null, null);
        var entry = await links.FindAsync(hasher.Candidates(CodePurpose.LinkToken, token), cancellationToken);
        if (entry is null) return new OpenedLink(true, null, null);
        if (entry.ExpiresAt <= clock.GetUtcNow()) return new OpenedLink(true, entry, null);
        var card = await cards.FindByCodeHashAsync([entry.CodeHash], cancellationToken);
        return card is not null && card.Card.Line == entry.Line
            ? new OpenedLink(true, entry, card)
            : new OpenedLink(true, null, null);
    }
}

/// <summary>What a link token opened: its index entry and, unless it has expired, its card.</summary>
public sealed record OpenedLink(bool WellFormed, LinkEntry? Entry, StoredCard? Card)
{
    public bool Expired => Entry is not null && Card is null;
}
