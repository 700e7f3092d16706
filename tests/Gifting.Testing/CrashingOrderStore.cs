using Gifting.Core;
using Gifting.Core.Orders;

namespace Gifting.Testing;

/// <summary>The kinds of write an <see cref="IOrderStore"/> takes.</summary>
public enum OrderWrite
{
    Create,
    Replace,
    Count,
    Lines,
    ReplaceLine,
}

/// <summary>
/// Crashes once, at the <paramref name="nth"/> write of <paramref name="kind"/> that matches: after it reached the
/// store, or, <paramref name="before"/>, just before it would have. Writes that do not land (a lost conditional
/// replace, a mark already there) are not counted after; every other call passes.
/// </summary>
public sealed class CrashingOrderStore(IOrderStore inner, OrderWrite kind, int nth = 1, bool before = false)
    : IOrderStore
{
    private int _seen;
    private int _crashed;

    /// <summary>Which replaced orders count towards the crash.</summary>
    public Func<Order, bool> OrderMatches { get; init; } = _ => true;

    /// <summary>Which replaced lines count towards the crash.</summary>
    public Func<GiftLine, bool> LineMatches { get; init; } = _ => true;

    /// <summary>Whether the crash happened.</summary>
    public bool Crashed => Volatile.Read(ref _crashed) == 1;

    public Task<StoredOrder> CreateAsync(Order order, CancellationToken cancellationToken) =>
        WriteAsync(OrderWrite.Create, true, () => inner.CreateAsync(order, cancellationToken), _ => true);

    public Task<StoredOrder?> ReadAsync(OrgId org, string orderId, CancellationToken cancellationToken) =>
        inner.ReadAsync(org, orderId, cancellationToken);

    public Task<string?> TryReplaceAsync(Order order, string etag, CancellationToken cancellationToken) =>
        WriteAsync(OrderWrite.Replace, OrderMatches(order), () => inner.TryReplaceAsync(order, etag, cancellationToken),
            e => e is not null);

    public Task<bool> CountOnceAsync(
        OrgId org, string orderId, string mark, OrderCounts delta, CancellationToken cancellationToken) =>
        WriteAsync(OrderWrite.Count, true, () => inner.CountOnceAsync(org, orderId, mark, delta, cancellationToken),
            counted => counted);

    public Task ForgetMarkAsync(OrgId org, string orderId, string mark, CancellationToken cancellationToken) =>
        inner.ForgetMarkAsync(org, orderId, mark, cancellationToken);

    public Task<Page<Order>> ListAsync(OrgId org, int limit, string? cursor, CancellationToken cancellationToken) =>
        inner.ListAsync(org, limit, cursor, cancellationToken);

    public Task WriteLinesAsync(IReadOnlyList<GiftLine> lines, CancellationToken cancellationToken) =>
        WriteAsync(OrderWrite.Lines, true, async () =>
        {
            await inner.WriteLinesAsync(lines, cancellationToken);
            return true;
        }, _ => true);

    public Task<IReadOnlyList<StoredLine>> ReadLinesAsync(
        string orderId, int fromIndex, int toIndex, CancellationToken cancellationToken) =>
        inner.ReadLinesAsync(orderId, fromIndex, toIndex, cancellationToken);

    public Task<StoredLine?> ReadLineAsync(string orderId, int index, CancellationToken cancellationToken) =>
        inner.ReadLineAsync(orderId, index, cancellationToken);

    public Task<string?> TryReplaceLineAsync(GiftLine line, string etag, CancellationToken cancellationToken) =>
        WriteAsync(OrderWrite.ReplaceLine, LineMatches(line),
            () => inner.TryReplaceLineAsync(line, etag, cancellationToken), e => e is not null);

    public Task<Page<GiftLine>> ListLinesAsync(
        string orderId, int limit, string? cursor, CancellationToken cancellationToken) =>
        inner.ListLinesAsync(orderId, limit, cursor, cancellationToken);

    private async Task<T> WriteAsync<T>(OrderWrite write, bool matches, Func<Task<T>> run, Func<T, bool> landed)
    {
        var candidate = write == kind && matches && !Crashed;
        if (candidate && before && Due()) throw new SimulatedCrashException();
        var result = await run();
        if (candidate && !before && landed(result) && Due()) throw new SimulatedCrashException();
        return result;
    }

    /// <summary>This is the write to crash at, and nobody crashed yet.</summary>
    private bool Due() =>
        Interlocked.Increment(ref _seen) == nth && Interlocked.Exchange(ref _crashed, 1) == 0;
}
