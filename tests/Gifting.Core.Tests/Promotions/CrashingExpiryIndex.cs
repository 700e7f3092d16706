using Gifting.Core.Promotions;
using Gifting.Testing;

namespace Gifting.Core.Tests.Promotions;

/// <summary>
/// Lets the first add or remove (whichever is chosen) through to the index, then crashes. Later writes pass.
/// </summary>
internal sealed class CrashingExpiryIndex(IExpiryIndex inner, bool crashAfterAdd) : IExpiryIndex
{
    private int _crashed;

    public async Task AddAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        await inner.AddAsync(lot, cancellationToken);
        if (crashAfterAdd) CrashOnce();
    }

    public Task<IReadOnlyList<ExpiringLot>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken) =>
        inner.DueAsync(upTo, max, cancellationToken);

    public async Task RemoveAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        await inner.RemoveAsync(lot, cancellationToken);
        if (!crashAfterAdd) CrashOnce();
    }

    private void CrashOnce()
    {
        if (Interlocked.Exchange(ref _crashed, 1) == 0) throw new SimulatedCrashException();
    }
}
