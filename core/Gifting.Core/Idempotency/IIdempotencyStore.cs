namespace Gifting.Core.Idempotency;

public interface IIdempotencyStore
{
    /// <summary>Claims the key for a new request: the caller's lease, or the record already under the key.</summary>
    Task<IdempotencyBegin> TryBeginAsync(
        string key, string fingerprint, DateTimeOffset lockedUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over a request whose runner's lock ran out: the new lease, or null if someone else moved first.
    /// </summary>
    Task<IdempotencyLease?> TryTakeOverAsync(
        IdempotencyRecord abandoned, DateTimeOffset lockedUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the response to replay if the lease still holds the record; false if it was taken over.
    /// </summary>
    Task<bool> CompleteAsync(IdempotencyLease lease, string fingerprint, int status, string? contentType, byte[] body,
        CancellationToken cancellationToken);

    /// <summary>
    /// Forgets a request that failed without an answer worth replaying, so the client may retry; false, and nothing
    /// forgotten, if the lease no longer holds the record.
    /// </summary>
    Task<bool> ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken);
}
