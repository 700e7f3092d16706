using Gifting.Core.Ledger;
using Gifting.Core.Redemptions;

namespace Gifting.Core.Balances;

/// <summary>
/// A balance as the shopper sees it at this moment: the running balance of an entry, lots past their expiry left out,
/// and the value held for review beside it. Every answer that shows a balance is made here, so a redemption, a debit
/// or a grant answers exactly what a balance read would.
/// </summary>
public sealed class AccountBalances(IHoldStore holds, TimeProvider clock)
{
    public Task<Balance> AfterAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return OfAsync(entry.Account, entry.Marketplace, entry.After, cancellationToken);
    }

    public async Task<Balance> OfAsync(
        AccountId account, Marketplace marketplace, BalanceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marketplace);
        var pending = (await holds.ListAsync(account, cancellationToken))
            .Where(h => h.Amount.Currency == marketplace.Currency)
            .Sum(h => h.Amount.Amount);
        return Balance.Of(marketplace, state, pending, clock.GetUtcNow());
    }
}
