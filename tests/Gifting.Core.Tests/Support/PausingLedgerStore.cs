using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Support;

/// <summary>
/// Holds the <paramref name="pauseAtRead"/>-th read of an account's latest entry until the test releases it, as a
/// stalled request would, so another use case can run in the gap.
/// </summary>
internal sealed class PausingLedgerStore(ILedgerStore inner, int pauseAtRead) : DelegatingLedgerStore(inner)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    /// <summary>Completes when the paused read is waiting.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    public override async Task<AccountState> ReadAccountAsync(AccountId account, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _reads) == pauseAtRead)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }
        return await base.ReadAccountAsync(account, cancellationToken);
    }
}
