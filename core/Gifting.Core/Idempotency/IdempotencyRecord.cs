namespace Gifting.Core.Idempotency;

/// <summary>
/// A request remembered under its idempotency key: while running it is locked until <see cref="LockedUntil"/>; once
/// completed it holds the response to replay.
/// </summary>
public sealed record IdempotencyRecord(
    string Key, string Fingerprint, bool Completed, int Status, string? ContentType, byte[]? Body,
    DateTimeOffset LockedUntil, string ETag);
