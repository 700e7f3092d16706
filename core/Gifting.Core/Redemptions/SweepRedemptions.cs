using System.Runtime.ExceptionServices;
using Gifting.Core.Cards;
using Gifting.Core.Orders;

namespace Gifting.Core.Redemptions;

/// <summary>
/// <see cref="Due"/> index entries were read; <see cref="Completed"/> of them were cards left claimed.
/// </summary>
public sealed record SweepSummary(int Due, int Completed);

/// <summary>
/// The sweeper timer's work: reads only the redemption steps indexed at or before <c>upTo</c> and not yet finished,
/// and finishes each as whoever met the card would: a claimed card is credited and finalised, a held card gets its
/// hold document, and a card no longer held for the entry's account loses it. Then the entry is dropped. Running it
/// again changes nothing.
/// </summary>
public sealed class SweepRedemptions(
    ICardStore cards, IUnfinishedRedemptionIndex index, CompleteRedemption complete, RecordHold recordHold,
    IHoldStore holds, RecordLineRedeemed lines, CancelDeclinedLine declinedLines,
    Liability.CardTotals? cardTotals = null)
{
    private const int BatchSize = 100;

    public async Task<SweepSummary> ExecuteAsync(DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var (due, completed) = (0, 0);
        // An entry that fails stays in the index for the next run; the others must not wait behind it.
        var failed = new Dictionary<string, Exception>(StringComparer.Ordinal);
        while (true)
        {
            var batch = (await index.DueAsync(upTo, BatchSize + failed.Count, cancellationToken))
                .Where(e => !failed.ContainsKey(e.RedemptionId)).Take(BatchSize).ToList();
            foreach (var entry in batch)
            {
                try
                {
                    if (await FinishAsync(entry, cancellationToken)) completed++;
                    await index.RemoveAsync(entry, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed[entry.RedemptionId] = e;
                }
            }
            due += batch.Count;
            if (batch.Count < BatchSize) break;
        }
        // Reported once the rest is done, so the run counts as failed and its log names what is stuck.
        if (failed.Count == 1) ExceptionDispatchInfo.Throw(failed.Values.Single());
        if (failed.Count > 1)
            throw new AggregateException($"{failed.Count} unfinished redemption steps could not be finished.",
                failed.Values);
        return new SweepSummary(due, completed);
    }

    /// <summary>True when the card was still waiting for the entry's credit.</summary>
    private async Task<bool> FinishAsync(UnfinishedRedemption entry, CancellationToken cancellationToken)
    {
        var stored = await cards.FindBySerialAsync(entry.Serial, cancellationToken);
        if (stored?.Card is not { } card) return false;
        var ours = card.RedemptionId == entry.RedemptionId && card.ClaimedBy == entry.Account;
        // A review whose decision was written but not counted is counted here, as its reviewer's retry would.
        if (ours && card.ReviewDecision is not null && cardTotals is not null) await cardTotals.ReviewedAsync(card);
        if (ours && card.Status == CardStatus.Redeeming)
        {
            await complete.ExecuteAsync(stored, cancellationToken);
            return true;
        }
        if (ours && card.Status == CardStatus.Redeemed)
        {
            // Credited, but the step stopped before its e-gift line (if any) followed.
            await lines.ExecuteAsync(card, finishing: true, cancellationToken);
            return false;
        }
        if (card.Status == CardStatus.Held && card.ClaimedBy == entry.Account)
        {
            if (ours) await recordHold.ExecuteAsync(card, cancellationToken);
            return false;
        }
        // The card is not held for this account (any more, or ever): a hold document left by a crash must go.
        await holds.RemoveAsync(entry.Account, card.CardId, cancellationToken);
        if (ours && card.ReviewDecision == ReviewDecision.Declined)
            await declinedLines.ExecuteAsync(card, cancellationToken);
        return false;
    }
}
