using Gifting.Core.Ledger;

namespace Gifting.Core.Tests.Support;

/// <summary>
/// Holds the <paramref name="pauseAtRead"/>-th read of an account's latest entry until the test releases it, as a
/// stalled request would, so another use case can run in the gap.
/// </summary>
internal sealed class PausingLedgerStore(ILedgerStore inner, int pauseAtRead) : ILedgerStore
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    /// <summary>Completes when the paused read is waiting.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    public async Task<LedgerEntry?> ReadLatestAsync(AccountId account, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _reads) == pauseAtRead)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }
        return await inner.ReadLatestAsync(account, cancellationToken);
    }

    public Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
        inner.TryAppendAsync(entry, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken) =>
        inner.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);

    public Task<LedgerEntry?> FindByOpKeyAsync(AccountId account, string opKey, CancellationToken cancellationToken) =>
        inner.FindByOpKeyAsync(account, opKey, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken) =>
        inner.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
}
