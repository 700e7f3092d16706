namespace Gifting.Core;

public sealed record Failure(ErrorCode Code, string Detail, TimeSpan? RetryAfter = null);
