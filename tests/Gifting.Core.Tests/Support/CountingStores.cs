using Gifting.Core.Ledger;
using Gifting.Core.Promotions;
using Gifting.Testing;

namespace Gifting.Core.Tests.Support;

/// <summary>Counts the calls through to the stores: each stands for one or a few database round trips.</summary>
internal sealed class OperationCount
{
    private int _operations;
    private int _entriesRead;

    public int Operations => _operations;

    /// <summary>Index entries handed out by reads of what is due, however many reads it took.</summary>
    public int EntriesRead => _entriesRead;

    public void Count() => Interlocked.Increment(ref _operations);

    public void Read(int entries) => Interlocked.Add(ref _entriesRead, entries);
}

internal sealed class CountingExpiryIndex(IExpiryIndex inner, OperationCount counter) : IExpiryIndex
{
    public Task AddAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        counter.Count();
        return inner.AddAsync(lot, cancellationToken);
    }

    public async Task<IReadOnlyList<ExpiringLot>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        counter.Count();
        var due = await inner.DueAsync(upTo, max, cancellationToken);
        counter.Read(due.Count);
        return due;
    }

    public Task RemoveAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        counter.Count();
        return inner.RemoveAsync(lot, cancellationToken);
    }
}

internal sealed class CountingLedgerStore(ILedgerStore inner, OperationCount counter) : DelegatingLedgerStore(inner)
{
    protected override void OnCall(CancellationToken cancellationToken) => counter.Count();
}
