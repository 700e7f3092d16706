namespace Gifting.Core.Balances;

public sealed class SetPreferences(IPreferencesStore store)
{
    public async Task<Preferences> ExecuteAsync(
        AccountId account, Preferences preferences, CancellationToken cancellationToken)
    {
        await store.SaveAsync(account, preferences, cancellationToken);
        return preferences;
    }
}
