using Gifting.Core.Cards;
using Gifting.Core.Concurrency;
using Gifting.Core.Ledger;
using Gifting.Core.Orders;

namespace Gifting.Core.Redemptions;

/// <summary>
/// Finishes a claimed card: credits the claimant once (the entry's operation key is the card) and marks the card
/// redeemed. Safe to run any number of times, from the redeemer's retry or from anyone who meets the card mid-way.
/// </summary>
public sealed class CompleteRedemption(
    ICardStore cards, AccountLedger ledger, IHoldStore holds, IUnfinishedRedemptionIndex unfinished,
    RecordLineRedeemed lines)
{
    /// <summary>
    /// The token can only stop it before it starts: once started it runs to the end, so a caller that gives up never
    /// leaves a claimed card uncredited.
    /// </summary>
    public Task<Result<(Card Card, Posting Posting)>> ExecuteAsync(
        StoredCard claimed, CancellationToken cancellationToken) =>
        ExecuteAsync(claimed, known: null, cancellationToken);

    /// <summary>As the other overload, posting first on <paramref name="known"/>, the claimant's account.</summary>
    public async Task<Result<(Card Card, Posting Posting)>> ExecuteAsync(
        StoredCard claimed, AccountState? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var card = claimed.Card;
        if (card.Status != CardStatus.Redeeming || card.ClaimedBy is not { } account)
            throw new InvalidOperationException("Only a claimed card can be completed.");
        cancellationToken.ThrowIfCancellationRequested();
        var toTheEnd = CancellationToken.None;

        // An approved card has left Held, so nothing records its hold again; removing it first means a crash from here
        // on leaves only a Redeeming card, which the next completer finishes.
        if (card.ReviewDecision == ReviewDecision.Approved) await holds.RemoveAsync(account, card.CardId, toTheEnd);
        var posting = await ledger.PostAsync(account, card.Marketplace, OpKeys.Redemption(card.CardId), balance =>
            new LedgerChange(EntryType.Redemption, card.Value, balance with { Gift = balance.Gift + card.Value.Amount },
                $"card:{card.Serial}"), known, toTheEnd);
        if (!posting.Succeeded)
        {
            // The account's balance became locked to another marketplace after the claim: give the card back.
            var givenBack = card with
            {
                Status = CardStatus.Active, ClaimedBy = null, RedemptionId = null, ClaimedAt = null,
            };
            await SettleAsync(claimed, givenBack, toTheEnd);
            await ForgetAsync(card);
            return posting.Failure!;
        }

        var redeemed = card with { Status = CardStatus.Redeemed, RedeemedAt = posting.Value.Entry.OccurredAt };
        var settled = await SettleAsync(claimed, redeemed, toTheEnd);
        // An e-gift's line follows its card before the step is forgotten, so the sweeper finishes it after a crash.
        if (settled.Status == CardStatus.Redeemed && settled.RedemptionId == card.RedemptionId)
            await lines.ExecuteAsync(settled, finishing: false, toTheEnd);
        await ForgetAsync(card);
        return (settled, posting.Value);
    }

    /// <summary>Moves a claimed card on, unless another completer already has.</summary>
    private async Task<Card> SettleAsync(StoredCard claimed, Card next, CancellationToken cancellationToken)
    {
        var current = claimed;
        var settled = await OptimisticRetry.RunAsync<Card>($"card {next.Serial}", async () =>
        {
            if (await cards.TryReplaceAsync(next, current.ETag, cancellationToken) is not null) return next;
            current = await cards.RereadAsync(next, cancellationToken)
                ?? throw new InvalidOperationException("A claimed card disappeared.");
            var movedOn = current.Card.Status != CardStatus.Redeeming
                || current.Card.RedemptionId != claimed.Card.RedemptionId;
            if (!movedOn) return null;
            return current.Card;
        }, cancellationToken);
        return settled.Value;
    }

    /// <summary>The step is finished: the sweeper need not look at it.</summary>
    private Task ForgetAsync(Card claimed) =>
        UnfinishedRedemption.Of(claimed) is { } entry
            ? unfinished.RemoveAsync(entry, CancellationToken.None)
            : Task.CompletedTask;
}
