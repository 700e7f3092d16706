using Gifting.Core.Promotions;

namespace Gifting.Core.Tests.Support;

/// <summary>
/// Holds the caller just after its first lot is indexed, until the test releases it, as a stalled request would, so
/// another use case can run between indexing and what follows.
/// </summary>
internal sealed class PausingExpiryIndex(IExpiryIndex inner) : IExpiryIndex
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _adds;

    /// <summary>Completes when the caller is waiting after its first add.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    public async Task AddAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        await inner.AddAsync(lot, cancellationToken);
        if (Interlocked.Increment(ref _adds) != 1) return;
        _reached.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<ExpiringLot>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken) =>
        inner.DueAsync(upTo, max, cancellationToken);

    public Task RemoveAsync(ExpiringLot lot, CancellationToken cancellationToken) =>
        inner.RemoveAsync(lot, cancellationToken);
}
