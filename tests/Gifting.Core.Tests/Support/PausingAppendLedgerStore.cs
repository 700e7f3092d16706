using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Support;

/// <summary>
/// Holds the first append until the test releases it, as a request that stalled after deciding would, so another
/// use case can run between a decision and the write it decided.
/// </summary>
internal sealed class PausingAppendLedgerStore(ILedgerStore inner) : DelegatingLedgerStore(inner)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _appends;

    /// <summary>Completes when the paused append is waiting.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    public override async Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _appends) == 1)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }
        return await base.TryAppendAsync(entry, cancellationToken);
    }
}
