using Gifting.Core.Redemptions;

namespace Gifting.Testing;

/// <summary>
/// One counter per key, incremented atomically, forgotten <c>keepFor</c> after its last write as a Cosmos document's
/// time-to-live is.
/// </summary>
public sealed class InMemoryAttemptLog(TimeProvider clock) : IAttemptLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Count, DateTimeOffset ExpiresAt)> _counters = new(StringComparer.Ordinal);

    public Task<long> CountAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_counters.TryGetValue(key, out var counter) && counter.ExpiresAt > clock.GetUtcNow()
                ? counter.Count
                : 0L);
        }
    }

    public Task RecordAsync(string key, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var count = _counters.TryGetValue(key, out var counter) && counter.ExpiresAt > now ? counter.Count : 0;
            _counters[key] = (count + 1, now + keepFor);
            return Task.CompletedTask;
        }
    }
}
