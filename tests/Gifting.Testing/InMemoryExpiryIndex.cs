using Gifting.Core.Promotions;

namespace Gifting.Testing;

/// <summary>
/// Entries ordered by expiry, as a Cosmos container queried on an indexed <c>expiresAt</c> is: reading what is due
/// touches only what is due. An entry is identified by account, lot and expiry together.
/// </summary>
public sealed class InMemoryExpiryIndex : IExpiryIndex
{
    private readonly Lock _gate = new();
    private readonly SortedSet<ExpiringLot> _entries = new(Comparer<ExpiringLot>.Create(Compare));

    /// <summary>Every entry, soonest first, for assertions.</summary>
    public IReadOnlyList<ExpiringLot> Entries
    {
        get
        {
            lock (_gate) return [.. _entries];
        }
    }

    public Task AddAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lot);
        lock (_gate) _entries.Add(lot);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ExpiringLot>> DueAsync(DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ExpiringLot> due = _entries.TakeWhile(e => e.ExpiresAt <= upTo).Take(max).ToList();
            return Task.FromResult(due);
        }
    }

    public Task RemoveAsync(ExpiringLot lot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lot);
        lock (_gate) _entries.Remove(lot);
        return Task.CompletedTask;
    }

    private static int Compare(ExpiringLot? x, ExpiringLot? y)
    {
        if (x is null || y is null) return (x is null).CompareTo(y is null);
        var byTime = x.ExpiresAt.UtcTicks.CompareTo(y.ExpiresAt.UtcTicks);
        if (byTime != 0) return byTime;
        var byAccount = string.CompareOrdinal(x.Account.Value, y.Account.Value);
        return byAccount != 0 ? byAccount : string.CompareOrdinal(x.LotId, y.LotId);
    }
}
