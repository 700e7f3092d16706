namespace Gifting.Core.Redemptions;

/// <summary>Where holds are kept; they are read with the rest of the account (<c>AccountState</c>).</summary>
public interface IHoldStore
{
    /// <summary>Records the hold; recording it again is harmless.</summary>
    Task PutAsync(AccountId account, Hold hold, CancellationToken cancellationToken);

    Task RemoveAsync(AccountId account, string cardId, CancellationToken cancellationToken);
}
