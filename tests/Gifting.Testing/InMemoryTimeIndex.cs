namespace Gifting.Testing;

/// <summary>
/// Entries ordered by a time, as a Cosmos container partitioned by time bucket is read: reading what is due touches
/// only what is due. Ties are broken by the entry's own identity, so equal entries are one entry.
/// </summary>
public abstract class InMemoryTimeIndex<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly Func<T, DateTimeOffset> _when;
    private readonly SortedSet<T> _entries;

    protected InMemoryTimeIndex(Func<T, DateTimeOffset> when, Comparison<T> identity)
    {
        _when = when;
        _entries = new SortedSet<T>(Comparer<T>.Create((x, y) =>
        {
            if (x is null || y is null) return (x is null).CompareTo(y is null);
            var byTime = when(x).UtcTicks.CompareTo(when(y).UtcTicks);
            return byTime != 0 ? byTime : identity(x, y);
        }));
    }

    /// <summary>Every entry, soonest first, for assertions.</summary>
    public IReadOnlyList<T> Entries
    {
        get
        {
            lock (_gate) return [.. _entries];
        }
    }

    public Task AddAsync(T entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate) _entries.Add(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<T>> DueAsync(DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<T> due = _entries.TakeWhile(e => _when(e) <= upTo).Take(max).ToList();
            return Task.FromResult(due);
        }
    }

    public Task RemoveAsync(T entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate) _entries.Remove(entry);
        return Task.CompletedTask;
    }
}
