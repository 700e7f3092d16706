namespace Gifting.Core.Balances;

/// <summary>Whether the gift balance is spent automatically on orders and on subscriptions.</summary>
public sealed record Preferences(bool ApplyToOrders, bool ApplyToSubscriptions)
{
    public static Preferences Default { get; } = new(true, true);
}

public interface IPreferencesStore
{
    Task<Preferences?> FindAsync(AccountId account, CancellationToken cancellationToken);

    Task SaveAsync(AccountId account, Preferences preferences, CancellationToken cancellationToken);
}

public sealed class GetPreferences(IPreferencesStore store)
{
    public async Task<Preferences> ExecuteAsync(AccountId account, CancellationToken cancellationToken) =>
        await store.FindAsync(account, cancellationToken) ?? Preferences.Default;
}

public sealed class SetPreferences(IPreferencesStore store)
{
    public async Task<Preferences> ExecuteAsync(AccountId account, Preferences preferences, CancellationToken cancellationToken)
    {
        await store.SaveAsync(account, preferences, cancellationToken);
        return preferences;
    }
}
