namespace Gifting.Core.Balances;

public interface IPreferencesStore
{
    Task<Preferences?> FindAsync(AccountId account, CancellationToken cancellationToken);

    Task SaveAsync(AccountId account, Preferences preferences, CancellationToken cancellationToken);
}
