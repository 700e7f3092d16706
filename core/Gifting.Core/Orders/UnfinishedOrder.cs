namespace Gifting.Core.Orders;

/// <summary>
/// Work on an order that began at <see cref="Since"/> and may not have ended: an intake, or the sending of an order's
/// chunk messages. It is indexed before the work's first write and forgotten once every message is sent, so an entry
/// older than a few minutes points at work somebody stopped doing. The order says what is left.
/// </summary>
public sealed record UnfinishedOrder(OrgId Org, string OrderId, DateTimeOffset Since);

/// <summary>
/// Unfinished order work by the time it began, so the sweeper reads only what is overdue. Adding an entry that is
/// already there, or removing one that is not, changes nothing.
/// </summary>
public interface IUnfinishedOrderIndex
{
    Task AddAsync(UnfinishedOrder entry, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> entries begun by <paramref name="upTo"/>, oldest first.</summary>
    Task<IReadOnlyList<UnfinishedOrder>> DueAsync(DateTimeOffset upTo, int max, CancellationToken cancellationToken);

    Task RemoveAsync(UnfinishedOrder entry, CancellationToken cancellationToken);
}
