namespace Gifting.Core.Redemptions;

/// <summary>
/// Redemption steps by the time they began, so the sweeper reads only what is overdue rather than every card. Adding
/// an entry that is already there, or removing one that is not, changes nothing. The index is a hint: the card says
/// whether anything is left to do.
/// </summary>
public interface IUnfinishedRedemptionIndex
{
    Task AddAsync(UnfinishedRedemption entry, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> entries begun at or before <paramref name="upTo"/>, oldest first.
    /// </summary>
    Task<IReadOnlyList<UnfinishedRedemption>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken);

    Task RemoveAsync(UnfinishedRedemption entry, CancellationToken cancellationToken);
}
