using Gifting.Core.Ledger;

namespace Gifting.Core.Balances;

public sealed class GetBalance(AccountLedger ledger, AccountBalances balances)
{
    /// <summary>
    /// The balance in the account's own marketplace, or an empty one in the marketplace of the token.
    /// </summary>
    public async Task<Balance> ExecuteAsync(
        AccountId account, Marketplace tokenMarketplace, CancellationToken cancellationToken)
    {
        var latest = await ledger.LatestAsync(account, cancellationToken);
        return await balances.OfAsync(account, latest?.Marketplace ?? tokenMarketplace,
            latest?.After ?? BalanceState.Empty, cancellationToken);
    }
}
