namespace Gifting.Core.Redemptions;

public interface IHoldStore
{
    /// <summary>Records the hold; recording it again is harmless.</summary>
    Task PutAsync(AccountId account, Hold hold, CancellationToken cancellationToken);

    Task RemoveAsync(AccountId account, string cardId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Hold>> ListAsync(AccountId account, CancellationToken cancellationToken);
}
