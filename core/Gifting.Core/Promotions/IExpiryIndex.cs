namespace Gifting.Core.Promotions;

/// <summary>
/// Lots ordered by expiry, so the expiry timer reads only what is due rather than every account. An entry is
/// identified by all three of its fields; adding one that is already there changes nothing. An entry may outlive or
/// precede its lot (a crash between indexing and granting): the index is a hint, the ledger is the truth.
/// </summary>
public interface IExpiryIndex
{
    Task AddAsync(ExpiringLot lot, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> entries expiring at or before <paramref name="upTo"/>, earliest hour first. An
    /// entry is answered until it is removed, and reading what is due costs the same however many entries were read and
    /// removed before: the expiry timer removes each entry it has handled and reads the next page.
    /// </summary>
    Task<IReadOnlyList<ExpiringLot>> DueAsync(DateTimeOffset upTo, int max, CancellationToken cancellationToken);

    /// <summary>Removes the entry; removing one that is not there changes nothing.</summary>
    Task RemoveAsync(ExpiringLot lot, CancellationToken cancellationToken);
}
