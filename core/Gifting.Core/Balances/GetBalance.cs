using Gifting.Core.Ledger;

namespace Gifting.Core.Balances;

public sealed class GetBalance(AccountLedger ledger)
{
    /// <summary>The balance in the account's own marketplace, or an empty one in the marketplace of the token.</summary>
    public async Task<Balance> ExecuteAsync(AccountId account, Marketplace tokenMarketplace, CancellationToken cancellationToken)
    {
        var latest = await ledger.LatestAsync(account, cancellationToken);
        return latest is null ? Balance.Of(tokenMarketplace, BalanceState.Empty) : Balance.Of(latest.Marketplace, latest.After);
    }
}
