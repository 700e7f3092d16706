namespace Gifting.Core.Balances;

public sealed class GetPreferences(IPreferencesStore store)
{
    public async Task<Preferences> ExecuteAsync(AccountId account, CancellationToken cancellationToken) =>
        await store.FindAsync(account, cancellationToken) ?? Preferences.Default;
}
