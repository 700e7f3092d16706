using Gifting.Core.Ledger;
using Gifting.Core.Redemptions;

namespace Gifting.Core.Balances;

/// <summary>
/// A balance as the shopper sees it at this moment: the running balance of an entry, lots past their expiry left out,
/// and the value held for review beside it. Every answer that shows a balance is made here, so a redemption, a debit
/// or a grant answers exactly what a balance read would. It reads nothing: the account read that the answer comes
/// from already carries the holds.
/// </summary>
public sealed class AccountBalances(TimeProvider clock)
{
    /// <summary>The balance after a posting's entry, with the holds of the account as read for it.</summary>
    public Balance After(Posting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return Of(posting.Entry.Marketplace, posting.Entry.After, posting.Holds);
    }

    /// <summary>The account as read; before its first entry, empty in <paramref name="fallback"/>.</summary>
    public Balance Of(AccountState account, Marketplace fallback)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Of(account.Latest?.Marketplace ?? fallback, account.Balance, account.Holds);
    }

    private Balance Of(Marketplace marketplace, BalanceState state, IEnumerable<Hold> holds)
    {
        ArgumentNullException.ThrowIfNull(marketplace);
        var pending = holds.Where(h => h.Amount.Currency == marketplace.Currency).Sum(h => h.Amount.Amount);
        return Balance.Of(marketplace, state, pending, clock.GetUtcNow());
    }
}
