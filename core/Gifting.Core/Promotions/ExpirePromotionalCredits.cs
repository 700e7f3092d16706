using Gifting.Core.Ledger;

namespace Gifting.Core.Promotions;

/// <summary><see cref="Due"/> index entries were read; <see cref="Expired"/> of them took a lot's remainder away.</summary>
public sealed record ExpirySummary(int Due, int Expired, long ExpiredMinorUnits);

/// <summary>
/// The timer's work: reads only the lots due by <c>now</c> from the expiry index, posts a <c>promo_expiry</c> for each
/// lot's remainder once (keyed by the lot), then drops the index entry. Running it again changes nothing.
/// </summary>
public sealed class ExpirePromotionalCredits(AccountLedger ledger, IExpiryIndex index)
{
    private const int BatchSize = 100;

    public async Task<ExpirySummary> ExecuteAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (due, expired, amount) = (0, 0, 0L);
        while (true)
        {
            var batch = await index.DueAsync(now, BatchSize, cancellationToken);
            foreach (var lot in batch)
            {
                if (await ExpireAsync(lot, now, cancellationToken) is { } removed)
                {
                    expired++;
                    amount += removed;
                }
                await index.RemoveAsync(lot, cancellationToken);
            }
            due += batch.Count;
            if (batch.Count < BatchSize) return new ExpirySummary(due, expired, amount);
        }
    }

    /// <summary>The amount expired, or null when there was nothing left to expire (or it expired earlier).</summary>
    private async Task<long?> ExpireAsync(ExpiringLot due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await ledger.LatestAsync(due.Account, cancellationToken);
        if (latest is null) return null;
        var posting = await ledger.PostAsync(due.Account, latest.Marketplace, OpKeys.PromoExpiry(due.LotId), balance =>
        {
            // The ledger decides, not the index: the lot may be spent, already expired, or (after a repeated grant
            // with another date) due at a different time than this entry says.
            var lot = balance.Lots.FirstOrDefault(l => l.LotId == due.LotId);
            if (lot is null || lot.Amount == 0 || lot.ExpiresAt > now)
                return new Failure(ErrorCode.NothingDue, "Nothing of this lot is due to expire.");
            return new LedgerChange(EntryType.PromoExpiry, new Money(-lot.Amount, latest.Marketplace.Currency),
                balance with { Lots = balance.Lots.Remove(lot) }, $"promo:{lot.LotId}");
        }, cancellationToken);
        return posting.Succeeded && !posting.Value.Replayed ? -posting.Value.Entry.Amount.Amount : null;
    }
}
