using Gifting.Core.Ledger;

namespace Gifting.Core.Balances;

public sealed class GetPreferences(AccountLedger ledger)
{
    public async Task<Preferences> ExecuteAsync(AccountId account, CancellationToken cancellationToken) =>
        (await ledger.ReadAsync(account, cancellationToken)).Preferences ?? Preferences.Default;
}
