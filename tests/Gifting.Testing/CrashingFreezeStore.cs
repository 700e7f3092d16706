using Gifting.Core;
using Gifting.Core.Freezes;

namespace Gifting.Testing;

/// <summary>
/// Lets the first freeze record through to the store, then crashes before it is shown on its account or card.
/// </summary>
public sealed class CrashingFreezeStore(IFreezeStore inner) : IFreezeStore
{
    private int _crashed;

    public async Task<bool> TryAddAsync(FreezeSubject subject, FreezeState state, CancellationToken cancellationToken)
    {
        var added = await inner.TryAddAsync(subject, state, cancellationToken);
        if (added && Interlocked.Exchange(ref _crashed, 1) == 0) throw new SimulatedCrashException();
        return added;
    }

    public Task<FreezeState?> FindAsync(FreezeSubject subject, int version, CancellationToken cancellationToken) =>
        inner.FindAsync(subject, version, cancellationToken);

    public Task ApplyToAccountAsync(AccountId account, FreezeState state, CancellationToken cancellationToken) =>
        inner.ApplyToAccountAsync(account, state, cancellationToken);
}
