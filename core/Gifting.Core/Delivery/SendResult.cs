namespace Gifting.Core.Delivery;

/// <summary>
/// The answer to one send. <see cref="ProviderId"/>: the ACS operation/message id when sent; <see cref="Reason"/>:
/// readable, never containing message content, so it can go into a log line and a line's <c>failureReason</c>.
/// <see cref="RetryAfter"/> is the provider's own wait when it named one.
/// </summary>
public sealed record SendResult(
    SendOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null, string? ProviderId = null);
