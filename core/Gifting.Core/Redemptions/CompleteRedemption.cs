using Gifting.Core.Cards;
using Gifting.Core.Concurrency;
using Gifting.Core.Ledger;

namespace Gifting.Core.Redemptions;

/// <summary>
/// Finishes a claimed card: credits the claimant once (the entry's operation key is the card) and marks the card
/// redeemed. Safe to run any number of times, from the redeemer's retry or from anyone who meets the card mid-way.
/// </summary>
public sealed class CompleteRedemption(ICardStore cards, AccountLedger ledger)
{
    public async Task<Result<(Card Card, Posting Posting)>> ExecuteAsync(
        StoredCard claimed, CancellationToken cancellationToken)
    {
        var card = claimed.Card;
        if (card.Status != CardStatus.Redeeming || card.ClaimedBy is not { } account)
            throw new InvalidOperationException("Only a claimed card can be completed.");

        var posting = await ledger.PostAsync(account, card.Marketplace, OpKeys.Redemption(card.CardId), balance =>
            new LedgerChange(EntryType.Redemption, card.Value, balance with { Gift = balance.Gift + card.Value.Amount },
                $"card:{card.Serial}"), cancellationToken);
        if (!posting.Succeeded)
        {
            // The account's balance became locked to another marketplace after the claim: give the card back.
            var givenBack = card with { Status = CardStatus.Active, ClaimedBy = null, RedemptionId = null };
            await SettleAsync(claimed, givenBack, cancellationToken);
            return posting.Failure!;
        }

        var redeemed = card with { Status = CardStatus.Redeemed, RedeemedAt = posting.Value.Entry.OccurredAt };
        return (await SettleAsync(claimed, redeemed, cancellationToken), posting.Value);
    }

    /// <summary>Moves a claimed card on, unless another completer already has.</summary>
    private async Task<Card> SettleAsync(StoredCard claimed, Card next, CancellationToken cancellationToken)
    {
        var current = claimed;
        var settled = await OptimisticRetry.RunAsync<Card>($"card {next.Serial}", async () =>
        {
            if (await cards.TryReplaceAsync(next, current.ETag, cancellationToken) is not null) return next;
            current = await cards.FindBySerialAsync(next.Serial, cancellationToken)
                ?? throw new InvalidOperationException("A claimed card disappeared.");
            var movedOn = current.Card.Status != CardStatus.Redeeming
                || current.Card.RedemptionId != claimed.Card.RedemptionId;
            if (!movedOn) return null;
            return current.Card;
        }, cancellationToken);
        return settled.Value;
    }
}
