namespace Gifting.Core.Orders;

/// <summary>A page of an org's orders, newest first, or of an order's lines; and where the next starts.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Orders and their lines. An order is found only under its org, so another org's order id finds nothing. Its counts
/// move only through <see cref="CountOnceAsync"/>, an atomic increment that one mark guards, so a step that is run
/// again after a crash never counts twice.
/// </summary>
public interface IOrderStore
{
    /// <summary>Stores a new order, create-only: the order as stored, an earlier run's if the id was taken.</summary>
    Task<StoredOrder> CreateAsync(Order order, CancellationToken cancellationToken);

    Task<StoredOrder?> ReadAsync(OrgId org, string orderId, CancellationToken cancellationToken);

    /// <summary>Replaces the order if still at <paramref name="etag"/>: its new version, or null if not.</summary>
    Task<string?> TryReplaceAsync(Order order, string etag, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="delta"/> to the order's counts and records <paramref name="mark"/>, in one atomic write,
    /// unless the mark is already there: true if this call counted, false if the mark was there (or the order is not).
    /// </summary>
    Task<bool> CountOnceAsync(
        OrgId org, string orderId, string mark, OrderCounts delta, CancellationToken cancellationToken);

    /// <summary>Drops a mark whose step is finished; dropping one that is not there changes nothing.</summary>
    Task ForgetMarkAsync(OrgId org, string orderId, string mark, CancellationToken cancellationToken);

    /// <summary>The org's visible orders, newest first.</summary>
    Task<Page<Order>> ListAsync(OrgId org, int limit, string? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Stores lines of one order that are not stored yet, create-only: a line already there is left as it is.
    /// </summary>
    Task WriteLinesAsync(IReadOnlyList<GiftLine> lines, CancellationToken cancellationToken);

    /// <summary>
    /// The stored lines of one order from <paramref name="fromIndex"/> up to, not including,
    /// <paramref name="toIndex"/>.
    /// </summary>
    Task<IReadOnlyList<StoredLine>> ReadLinesAsync(
        string orderId, int fromIndex, int toIndex, CancellationToken cancellationToken);

    Task<StoredLine?> ReadLineAsync(string orderId, int index, CancellationToken cancellationToken);

    /// <summary>Replaces the line if it is still at <paramref name="etag"/>: its new version, or null if not.</summary>
    Task<string?> TryReplaceLineAsync(GiftLine line, string etag, CancellationToken cancellationToken);

    /// <summary>An order's lines in order.</summary>
    Task<Page<GiftLine>> ListLinesAsync(
        string orderId, int limit, string? cursor, CancellationToken cancellationToken);
}
