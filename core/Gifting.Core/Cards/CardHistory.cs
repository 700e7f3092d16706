namespace Gifting.Core.Cards;

/// <summary>
/// A card's history, read from the card's one document: each step writes its time (and, where known, who) into the
/// card in the same write that changes its status, so the document is the record and nothing else need be read.
/// What the document does not keep (a claim that was given back, an earlier hold) is not in it.
/// </summary>
public static class CardHistory
{
    public static IReadOnlyList<CardEvent> Of(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var events = new List<CardEvent>
        {
            new(CardEventType.Issued, card.IssuedAt, card.IssuedBy,
                Detail: card.Line is { } line ? $"order {line.OrderId}, line {line.LineId}" : null),
        };
        if (card.ActivatedAt is { } activated)
            events.Add(new(CardEventType.Activated, activated, card.ActivatedBy,
                Detail: card.ReceiptRef is { } receipt ? "receipt " + receipt : null));
        if (card.ClaimedAt is { } claimed && card.ClaimedBy is { } account)
        {
            events.Add(new(CardEventType.Claimed, claimed, Account: account, RedemptionId: card.RedemptionId));
            // A claim that was held carries a review, or is still waiting for one.
            if (card.Status == CardStatus.Held || card.ReviewDecision is not null)
                events.Add(new(CardEventType.Held, claimed, Account: account, RedemptionId: card.RedemptionId));
        }
        if (card is { ReviewedAt: { } reviewed, ReviewDecision: { } decision })
            events.Add(new(CardEventType.Reviewed, reviewed, card.ReviewedBy, card.ClaimedBy, card.RedemptionId,
                decision == ReviewDecision.Approved ? "approved" : "declined"));
        if (card is { Status: CardStatus.Redeemed, RedeemedAt: { } redeemed })
            events.Add(new(CardEventType.Redeemed, redeemed, Account: card.ClaimedBy, RedemptionId: card.RedemptionId));
        if (card.CancelledAt is { } cancelled)
            events.Add(new(CardEventType.Cancelled, cancelled,
                Detail: card.ReviewDecision == ReviewDecision.Declined ? "redemption declined in review" : null));
        return [.. events.OrderBy(e => e.At)];
    }
}
