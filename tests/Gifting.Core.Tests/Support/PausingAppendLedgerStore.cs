using Gifting.Core.Ledger;

namespace Gifting.Core.Tests.Support;

/// <summary>
/// Holds the first append until the test releases it, as a request that stalled after deciding would, so another
/// use case can run between a decision and the write it decided.
/// </summary>
internal sealed class PausingAppendLedgerStore(ILedgerStore inner) : ILedgerStore
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _appends;

    /// <summary>Completes when the paused append is waiting.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    public async Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _appends) == 1)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }
        return await inner.TryAppendAsync(entry, cancellationToken);
    }

    public Task<LedgerEntry?> ReadLatestAsync(AccountId account, CancellationToken cancellationToken) =>
        inner.ReadLatestAsync(account, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken) =>
        inner.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);

    public Task<LedgerEntry?> FindByOpKeyAsync(AccountId account, string opKey, CancellationToken cancellationToken) =>
        inner.FindByOpKeyAsync(account, opKey, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken) =>
        inner.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
}
