using Gifting.Core.Ledger;
using Gifting.Core.Redemptions;

namespace Gifting.Core.Balances;

public sealed class GetBalance(AccountLedger ledger, IHoldStore holds, TimeProvider clock)
{
    /// <summary>
    /// The balance in the account's own marketplace, or an empty one in the marketplace of the token.
    /// </summary>
    public async Task<Balance> ExecuteAsync(
        AccountId account, Marketplace tokenMarketplace, CancellationToken cancellationToken)
    {
        var latest = await ledger.LatestAsync(account, cancellationToken);
        var marketplace = latest?.Marketplace ?? tokenMarketplace;
        var pending = (await holds.ListAsync(account, cancellationToken))
            .Where(h => h.Amount.Currency == marketplace.Currency)
            .Sum(h => h.Amount.Amount);
        return Balance.Of(marketplace, latest?.After ?? BalanceState.Empty, pending, clock.GetUtcNow());
    }
}
