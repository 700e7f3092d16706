namespace Gifting.Core.Freezes;

/// <summary>
/// The freeze history of cards and accounts: one create-only record per freeze or unfreeze, never changed, at the
/// version after the one its subject showed. An account's current freeze is kept on its account document, so that the
/// one read every posting starts with also says whether the account is frozen.
/// </summary>
public interface IFreezeStore
{
    /// <summary>Records the state at its version, create-only: false if that version is recorded already.</summary>
    Task<bool> TryAddAsync(FreezeSubject subject, FreezeState state, CancellationToken cancellationToken);

    Task<FreezeState?> FindAsync(FreezeSubject subject, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Shows the recorded state on the account, unless the account already shows this version or a later one.
    /// </summary>
    Task ApplyToAccountAsync(AccountId account, FreezeState state, CancellationToken cancellationToken);
}
