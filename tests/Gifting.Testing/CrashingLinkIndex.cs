using Gifting.Core.Links;

namespace Gifting.Testing;

/// <summary>Crashes once, just before the first entry would be written; later writes pass.</summary>
public sealed class CrashingLinkIndex(ILinkIndex inner) : ILinkIndex
{
    private int _crashed;

    public bool Crashed => Volatile.Read(ref _crashed) == 1;

    public Task AddAsync(LinkEntry entry, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _crashed, 1) == 0
            ? throw new SimulatedCrashException()
            : inner.AddAsync(entry, cancellationToken);

    public Task<LinkEntry?> FindAsync(IEnumerable<string> hashes, CancellationToken cancellationToken) =>
        inner.FindAsync(hashes, cancellationToken);
}
