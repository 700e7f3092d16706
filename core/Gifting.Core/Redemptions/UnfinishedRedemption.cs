using Gifting.Core.Cards;

namespace Gifting.Core.Redemptions;

/// <summary>
/// A step of a redemption (a claim, or a review's decision) that began at <see cref="Since"/>, as the sweeper's index
/// knows it. It is indexed before the step's card write and forgotten once the step is finished, so an entry older than
/// a few minutes points at a card someone stopped working on, or at a step that never happened.
/// </summary>
public sealed record UnfinishedRedemption(string Serial, string RedemptionId, AccountId Account, DateTimeOffset Since)
{
    /// <summary>The entry of the card's current step; null for a card not claimed, or claimed unindexed.</summary>
    public static UnfinishedRedemption? Of(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var since = card.ReviewedAt ?? card.ClaimedAt;
        return card is { ClaimedBy: { } account, RedemptionId: { } id } && since is not null
            ? new UnfinishedRedemption(card.Serial, id, account, since.Value)
            : null;
    }
}
