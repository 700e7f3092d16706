using Gifting.Core.Ledger;
using Gifting.Core.Promotions;

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

internal sealed class CountingLedgerStore(ILedgerStore inner, OperationCount counter) : ILedgerStore
{
    public Task<LedgerEntry?> ReadLatestAsync(AccountId account, CancellationToken cancellationToken)
    {
        counter.Count();
        return inner.ReadLatestAsync(account, cancellationToken);
    }

    public Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        counter.Count();
        return inner.TryAppendAsync(entry, cancellationToken);
    }

    public Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken)
    {
        counter.Count();
        return inner.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);
    }

    public Task<LedgerEntry?> FindByOpKeyAsync(AccountId account, string opKey, CancellationToken cancellationToken)
    {
        counter.Count();
        return inner.FindByOpKeyAsync(account, opKey, cancellationToken);
    }

    public Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken)
    {
        counter.Count();
        return inner.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
    }
}
