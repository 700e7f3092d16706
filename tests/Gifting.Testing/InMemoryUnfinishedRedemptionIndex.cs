using Gifting.Core.Redemptions;

namespace Gifting.Testing;

/// <summary>Entries ordered by when their step began, as the Cosmos index's hour partitions are read.</summary>
public sealed class InMemoryUnfinishedRedemptionIndex : IUnfinishedRedemptionIndex
{
    private readonly Lock _gate = new();
    private readonly SortedSet<UnfinishedRedemption> _entries = new(Comparer<UnfinishedRedemption>.Create(Compare));

    /// <summary>Every entry, oldest first, for assertions.</summary>
    public IReadOnlyList<UnfinishedRedemption> Entries
    {
        get
        {
            lock (_gate) return [.. _entries];
        }
    }

    public Task AddAsync(UnfinishedRedemption entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate) _entries.Add(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UnfinishedRedemption>> DueAsync(
        DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<UnfinishedRedemption> due = _entries.TakeWhile(e => e.Since <= upTo).Take(max).ToList();
            return Task.FromResult(due);
        }
    }

    public Task RemoveAsync(UnfinishedRedemption entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate) _entries.Remove(entry);
        return Task.CompletedTask;
    }

    private static int Compare(UnfinishedRedemption? x, UnfinishedRedemption? y)
    {
        if (x is null || y is null) return (x is null).CompareTo(y is null);
        var byTime = x.Since.UtcTicks.CompareTo(y.Since.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.RedemptionId, y.RedemptionId);
    }
}
