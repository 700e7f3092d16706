using Gifting.Core.Ledger;

namespace Gifting.Core.Balances;

public sealed class GetBalance(AccountLedger ledger, AccountBalances balances)
{
    /// <summary>
    /// The balance in the account's own marketplace, or an empty one in the marketplace of the token.
    /// </summary>
    public async Task<Balance> ExecuteAsync(
        AccountId account, Marketplace tokenMarketplace, CancellationToken cancellationToken) =>
        balances.Of(await ledger.ReadAsync(account, cancellationToken), tokenMarketplace);
}
