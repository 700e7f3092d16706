using Gifting.Core.Ledger;

namespace Gifting.Core.Liability;

/// <summary>
/// Counts every ledger entry into the running totals by its effect: the change of the balance it made, whatever its
/// type, so a new kind of entry needs nothing here. A shopper's entry moves the gift and promotional totals, and an
/// expired lot is breakage; an org's funding entry moves available funding. A redemption's credit also takes the
/// card's value out of the unredeemed cards. The entry is counted by whoever posted it and by anyone who finds it
/// posted (a retry, the sweeper finishing a redemption, a redelivered refund), under a mark naming the entry, so it
/// is counted once.
/// </summary>
public sealed class LedgerTotals(ILiabilityTotals totals, bool funding)
{
    /// <summary>
    /// Counts <paramref name="posting"/>; <paramref name="before"/> is the balance it was decided on, or null for one
    /// found already posted, whose previous entry is then read.
    /// </summary>
    public async Task CountAsync(
        ILedgerStore store, Posting posting, BalanceState? before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(posting);
        var entry = posting.Entry;
        before ??= await PreviousAsync(store, entry, cancellationToken);
        var delta = funding
            ? new LiabilityDelta(Funding: entry.After.Gift - before.Gift)
            : new LiabilityDelta(
                UnredeemedCards: entry.Type == EntryType.Redemption ? -entry.Amount.Amount : 0,
                Gift: entry.After.Gift - before.Gift,
                Promotional: entry.After.Promotional - before.Promotional,
                Breakage: entry.Type == EntryType.PromoExpiry ? before.Promotional - entry.After.Promotional : 0);
        if (delta.IsZero) return;
        var mark = $"{(funding ? "funding" : "ledger")}:{entry.Account.Value}:{entry.Seq}";
        await totals.CountOnceAsync(entry.Marketplace, entry.Amount.Currency,
            DateOnly.FromDateTime(entry.OccurredAt.UtcDateTime), mark, delta, CancellationToken.None);
    }

    private static async Task<BalanceState> PreviousAsync(
        ILedgerStore store, LedgerEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Seq <= 1) return BalanceState.Empty;
        var previous = await store.ReadDescendingAsync(entry.Account, entry.Seq - 1, 1, cancellationToken);
        return previous.Count == 1 ? previous[0].After : BalanceState.Empty;
    }
}
