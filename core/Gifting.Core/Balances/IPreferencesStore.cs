namespace Gifting.Core.Balances;

/// <summary>Where preferences are saved; they are read with the rest of the account (<c>AccountState</c>).</summary>
public interface IPreferencesStore
{
    Task SaveAsync(AccountId account, Preferences preferences, CancellationToken cancellationToken);
}
