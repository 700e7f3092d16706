using Gifting.Core.Orders;

namespace Gifting.Core.Links;

/// <summary>
/// A link token's entry, keyed by the token's HMAC: the code hash its card is stored under, its line, and when the
/// link stops working. Neither the token nor the code is in it.
/// </summary>
public sealed record LinkEntry(string Hash, string CodeHash, LineRef Line, DateTimeOffset ExpiresAt);

/// <summary>Where a link token finds its card: only by the token's keyed hash.</summary>
public interface ILinkIndex
{
    /// <summary>
    /// Creates the entry; one already stored under its hash is left as it is. The hash is of 128 random bits, so an
    /// entry there is this line's, written by an earlier run of its issue.
    /// </summary>
    Task AddAsync(LinkEntry entry, CancellationToken cancellationToken);

    /// <summary>The entry stored under the first of <paramref name="hashes"/> that has one.</summary>
    Task<LinkEntry?> FindAsync(IEnumerable<string> hashes, CancellationToken cancellationToken);
}
