using Gifting.Core.Idempotency;

namespace Gifting.Testing;

/// <summary>
/// One record per key, as in Cosmos: beginning is create-only, taking over is a replace at the abandoned record's
/// ETag, completing is an upsert and releasing a delete. Records are not expired.
/// </summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IdempotencyRecord> _records = new(StringComparer.Ordinal);

    public Task<IdempotencyRecord?> TryBeginAsync(string key, string fingerprint, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_records.TryGetValue(key, out var existing)) return Task.FromResult<IdempotencyRecord?>(existing);
            _records.Add(key, Running(key, fingerprint, lockedUntil));
            return Task.FromResult<IdempotencyRecord?>(null);
        }
    }

    public Task<bool> TryTakeOverAsync(IdempotencyRecord abandoned, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(abandoned);
        lock (_gate)
        {
            if (!_records.TryGetValue(abandoned.Key, out var current) || current.ETag != abandoned.ETag) return Task.FromResult(false);
            _records[abandoned.Key] = Running(abandoned.Key, abandoned.Fingerprint, lockedUntil);
            return Task.FromResult(true);
        }
    }

    public Task CompleteAsync(string key, string fingerprint, int status, string? contentType, byte[] body, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records[key] = new IdempotencyRecord(key, fingerprint, true, status, contentType, body, DateTimeOffset.MinValue, NewETag());
            return Task.CompletedTask;
        }
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.Remove(key);
            return Task.CompletedTask;
        }
    }

    private static IdempotencyRecord Running(string key, string fingerprint, DateTimeOffset lockedUntil) =>
        new(key, fingerprint, false, 0, null, null, lockedUntil, NewETag());

    private static string NewETag() => Guid.NewGuid().ToString();
}
