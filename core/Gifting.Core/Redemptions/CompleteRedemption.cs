using Gifting.Core.Cards;
using Gifting.Core.Ledger;

namespace Gifting.Core.Redemptions;

/// <summary>
/// Finishes a claimed card: credits the claimant once (the entry's operation key is the card) and marks the card
/// redeemed. Safe to run any number of times, from the redeemer's retry or from anyone who meets the card mid-way.
/// </summary>
public sealed class CompleteRedemption(ICardStore cards, AccountLedger ledger)
{
    public async Task<Result<(Card Card, Posting Posting)>> ExecuteAsync(StoredCard claimed, CancellationToken cancellationToken)
    {
        var card = claimed.Card;
        if (card.Status != CardStatus.Redeeming || card.ClaimedBy is null)
            throw new InvalidOperationException("Only a claimed card can be completed.");

        var account = AccountId.Parse(card.ClaimedBy);
        var posting = await ledger.PostAsync(account, card.Marketplace, OpKey(card), balance => new LedgerChange(
            EntryType.Redemption, card.Value, balance with { Gift = balance.Gift + card.Value.Amount }, $"card:{card.Serial}"), cancellationToken);
        if (!posting.Succeeded)
        {
            // The account's balance became locked to another marketplace after the claim: give the card back.
            await SettleAsync(claimed, card with { Status = CardStatus.Active, ClaimedBy = null, RedemptionId = null }, cancellationToken);
            return posting.Failure!;
        }

        var redeemed = await SettleAsync(claimed, card with { Status = CardStatus.Redeemed, RedeemedAt = posting.Value.Entry.OccurredAt }, cancellationToken);
        return (redeemed, posting.Value);
    }

    public static string OpKey(Card card) => $"redemption:{card.CardId}";

    /// <summary>Moves a claimed card on, unless another completer already has.</summary>
    private async Task<Card> SettleAsync(StoredCard claimed, Card next, CancellationToken cancellationToken)
    {
        var current = claimed;
        while (await cards.TryReplaceAsync(next, current.ETag, cancellationToken) is null)
        {
            current = await cards.FindBySerialAsync(next.Serial, cancellationToken)
                ?? throw new InvalidOperationException("A claimed card disappeared.");
            if (current.Card.Status != CardStatus.Redeeming || current.Card.RedemptionId != claimed.Card.RedemptionId)
                return current.Card;
        }
        return next;
    }
}
