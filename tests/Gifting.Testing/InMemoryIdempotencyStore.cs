using Gifting.Core.Idempotency;

namespace Gifting.Testing;

/// <summary>
/// One record per key, as in Cosmos: beginning is create-only, and taking over, completing and releasing are writes
/// at the ETag the caller holds. Records are not expired.
/// </summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IdempotencyRecord> _records = new(StringComparer.Ordinal);

    public Task<IdempotencyBegin> TryBeginAsync(
        string key, string fingerprint, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_records.TryGetValue(key, out var existing))
                return Task.FromResult(new IdempotencyBegin(null, existing));
            var running = Running(key, fingerprint, lockedUntil);
            _records.Add(key, running);
            return Task.FromResult(new IdempotencyBegin(new IdempotencyLease(key, running.ETag), null));
        }
    }

    public Task<IdempotencyLease?> TryTakeOverAsync(
        IdempotencyRecord abandoned, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(abandoned);
        var running = Running(abandoned.Key, abandoned.Fingerprint, lockedUntil);
        var taken = TryReplace(new IdempotencyLease(abandoned.Key, abandoned.ETag), running);
        return Task.FromResult(taken ? new IdempotencyLease(running.Key, running.ETag) : null);
    }

    public Task<bool> CompleteAsync(
        IdempotencyLease lease, string fingerprint, int status, string? contentType, byte[] body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var completed = new IdempotencyRecord(
            lease.Key, fingerprint, true, status, contentType, body, DateTimeOffset.MinValue, NewETag());
        return Task.FromResult(TryReplace(lease, completed));
    }

    public Task<bool> ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (!Holds(lease)) return Task.FromResult(false);
            _records.Remove(lease.Key);
            return Task.FromResult(true);
        }
    }

    private bool TryReplace(IdempotencyLease lease, IdempotencyRecord next)
    {
        lock (_gate)
        {
            if (!Holds(lease)) return false;
            _records[lease.Key] = next;
            return true;
        }
    }

    private bool Holds(IdempotencyLease lease) =>
        _records.TryGetValue(lease.Key, out var current) && current.ETag == lease.ETag;

    private static IdempotencyRecord Running(string key, string fingerprint, DateTimeOffset lockedUntil) =>
        new(key, fingerprint, false, 0, null, null, lockedUntil, NewETag());

    private static string NewETag() => Guid.NewGuid().ToString();
}
