namespace Gifting.Core.Idempotency;

/// <summary>
/// A runner's hold on a key: the version of the record it wrote. Completing or releasing is conditional on it, so a
/// runner whose lease was taken over can no longer change the new owner's record.
/// </summary>
public sealed record IdempotencyLease(string Key, string ETag);
