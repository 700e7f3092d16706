using Gifting.Core.Redemptions;
using Gifting.Testing;

namespace Gifting.Core.Tests.Support;

/// <summary>
/// Lets the first entry through to the index, then crashes before its caller goes on. Later writes pass.
/// </summary>
internal sealed class CrashingUnfinishedRedemptionIndex(IUnfinishedRedemptionIndex inner) : IUnfinishedRedemptionIndex
{
    private int _crashed;

    public async Task AddAsync(UnfinishedRedemption entry, CancellationToken cancellationToken)
    {
        await inner.AddAsync(entry, cancellationToken);
        if (Interlocked.Exchange(ref _crashed, 1) == 0) throw new SimulatedCrashException();
    }

    public Task<IReadOnlyList<UnfinishedRedemption>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken) =>
        inner.DueAsync(upTo, max, cancellationToken);

    public Task RemoveAsync(UnfinishedRedemption entry, CancellationToken cancellationToken) =>
        inner.RemoveAsync(entry, cancellationToken);
}
