using System.Runtime.ExceptionServices;
using Gifting.Core.Ledger;

namespace Gifting.Core.Promotions;

/// <summary>
/// <see cref="Due"/> index entries were read; <see cref="Expired"/> of them took a lot's remainder away.
/// <see cref="Complete"/> is false when the run stopped at its limit with lots still due.
/// </summary>
public sealed record ExpirySummary(int Due, int Expired, long ExpiredMinorUnits, bool Complete);

/// <summary>
/// The timer's work: reads only the lots due by <c>now</c> from the expiry index, posts a <c>promo_expiry</c> for each
/// lot's remainder once (keyed by the lot), then drops the index entry, so the next page never reads it again. A run
/// stops at <see cref="PromotionLimits.MaxLotsPerRun"/> lots or after <see cref="PromotionLimits.RunBudget"/>, and the
/// next run carries on. Running it again changes nothing.
/// </summary>
public sealed class ExpirePromotionalCredits(
    AccountLedger ledger, IExpiryIndex index, PromotionLimits limits, TimeProvider clock)
{
    private const int PageSize = 100;

    public async Task<ExpirySummary> ExecuteAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var (due, expired, amount) = (0, 0, 0L);
        // A lot that fails stays in the index for the next run; the lots after it must not wait behind it.
        var failed = new Dictionary<ExpiringLot, Exception>();
        while (true)
        {
            var room = limits.MaxLotsPerRun - due;
            if (room <= 0 || clock.GetUtcNow() - started >= limits.RunBudget)
            {
                // One entry more tells whether the next run has work, so the summary does not cry wolf.
                var more = await DueAsync(now, 1, failed, cancellationToken);
                return Finish(new ExpirySummary(due, expired, amount, Complete: more.Count == 0), failed);
            }
            var page = await DueAsync(now, Math.Min(PageSize, room), failed, cancellationToken);
            if (page.Count == 0) return Finish(new ExpirySummary(due, expired, amount, Complete: true), failed);
            foreach (var lot in page)
            {
                try
                {
                    if (await ExpireAsync(lot, now, cancellationToken) is { } removed)
                    {
                        expired++;
                        amount += removed;
                    }
                    await index.RemoveAsync(lot, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed[lot] = e;
                }
            }
            due += page.Count;
        }
    }

    private async Task<IReadOnlyList<ExpiringLot>> DueAsync(
        DateTimeOffset now, int max, Dictionary<ExpiringLot, Exception> failed, CancellationToken cancellationToken) =>
        (await index.DueAsync(now, max + failed.Count, cancellationToken))
            .Where(l => !failed.ContainsKey(l)).Take(max).ToList();

    /// <summary>
    /// The summary, or, once the rest is done, the failures: the run then counts as failed (the host retries it and
    /// logs it) and names how many lots are stuck.
    /// </summary>
    private static ExpirySummary Finish(ExpirySummary summary, Dictionary<ExpiringLot, Exception> failed)
    {
        if (failed.Count == 0) return summary;
        if (failed.Count == 1) ExceptionDispatchInfo.Throw(failed.Values.Single());
        throw new AggregateException($"{failed.Count} due lots could not be expired.", failed.Values);
    }

    /// <summary>The amount expired, or null when there was nothing left to expire (or it expired earlier).</summary>
    private async Task<long?> ExpireAsync(ExpiringLot due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await ledger.ReadAsync(due.Account, cancellationToken);
        if (account.Latest is not { } latest) return null;
        var posting = await ledger.PostAsync(due.Account, latest.Marketplace, OpKeys.PromoExpiry(due.LotId), balance =>
        {
            // The ledger decides, not the index: the lot may be spent, already expired, or (after a repeated grant
            // with another date) due at a different time than this entry says.
            var lot = balance.Lots.FirstOrDefault(l => l.LotId == due.LotId);
            if (lot is null || lot.Amount == 0 || lot.ExpiresAt > now)
                return new Failure(ErrorCode.NothingDue, "Nothing of this lot is due to expire.");
            return new LedgerChange(EntryType.PromoExpiry, new Money(-lot.Amount, latest.Marketplace.Currency),
                balance with { Lots = balance.Lots.Remove(lot) }, $"promo:{lot.LotId}");
        }, account, cancellationToken);
        return posting.Succeeded && !posting.Value.Replayed ? -posting.Value.Entry.Amount.Amount : null;
    }
}
