using Gifting.Core;
using Gifting.Core.Balances;

namespace Gifting.Infra.Cosmos;

/// <summary>Preferences live on the account document: the debit that obeys them reads them with the balance.</summary>
public sealed class CosmosPreferencesStore(CosmosAccounts accounts) : IPreferencesStore
{
    public Task SaveAsync(AccountId account, Preferences preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var document =
            new CosmosAccounts.PreferencesDocument(preferences.ApplyToOrders, preferences.ApplyToSubscriptions);
        return accounts.UpdateAsync(account, a => a with { Preferences = document }, cancellationToken);
    }
}
