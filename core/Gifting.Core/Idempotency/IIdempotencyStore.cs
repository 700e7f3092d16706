namespace Gifting.Core.Idempotency;

public interface IIdempotencyStore
{
    /// <summary>Claims the key for a new request. Null if claimed; otherwise the record already under the key.</summary>
    Task<IdempotencyRecord?> TryBeginAsync(string key, string fingerprint, DateTimeOffset lockedUntil, CancellationToken cancellationToken);

    /// <summary>Takes over a request whose runner died (its lock ran out). False if someone else moved first.</summary>
    Task<bool> TryTakeOverAsync(IdempotencyRecord abandoned, DateTimeOffset lockedUntil, CancellationToken cancellationToken);

    Task CompleteAsync(string key, string fingerprint, int status, string? contentType, byte[] body, CancellationToken cancellationToken);

    /// <summary>Forgets a request that failed without an answer worth replaying, so the client may retry.</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}
