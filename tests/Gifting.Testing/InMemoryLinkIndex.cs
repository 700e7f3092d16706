using System.Collections.Concurrent;
using Gifting.Core.Links;

namespace Gifting.Testing;

/// <summary>One entry per token hash, first writer wins, as the create-only link document is.</summary>
public sealed class InMemoryLinkIndex : ILinkIndex
{
    private readonly ConcurrentDictionary<string, LinkEntry> _entries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<LinkEntry> Entries => _entries.Values.ToList();

    public Task AddAsync(LinkEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.TryAdd(entry.Hash, entry);
        return Task.CompletedTask;
    }

    public Task<LinkEntry?> FindAsync(IEnumerable<string> hashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        foreach (var hash in hashes)
        {
            if (_entries.TryGetValue(hash, out var entry)) return Task.FromResult<LinkEntry?>(entry);
        }
        return Task.FromResult<LinkEntry?>(null);
    }
}
