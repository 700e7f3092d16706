namespace Gifting.Core.Idempotency;

/// <summary>What beginning found: the caller's lease on a new record, or the record already under the key.</summary>
public sealed record IdempotencyBegin(IdempotencyLease? Lease, IdempotencyRecord? Existing);
