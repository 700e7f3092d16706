using System.Net;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// A throttle (429), an unavailable service (503) or a timeout (408) that is still there once the SDK's own retries
/// are spent: a passing condition of the database, not a bug, so callers are told to come back later.
/// </summary>
public static class CosmosBusy
{
    /// <summary>What the caller is asked to wait when Cosmos DB names no wait of its own.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait before a retry; null when <paramref name="exception"/> is no busy database.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        CosmosException { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.RequestTimeout } busy => busy.RetryAfter is { } wait && wait > TimeSpan.Zero
                ? wait
                : DefaultWait,
        _ => null,
    };

    /// <summary>The <c>Retry-After</c> value in whole seconds: rounded up, and at least one.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
