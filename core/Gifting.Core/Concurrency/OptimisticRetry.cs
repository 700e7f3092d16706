namespace Gifting.Core.Concurrency;

/// <summary>
/// Runs an optimistic read-decide-write until it settles: an attempt answers its result, or null when its
/// conditional write lost to another writer and it must read again. Attempts after the first wait a short random
/// while, so racers spread out instead of colliding again; after <see cref="MaxAttempts"/> the caller gets a
/// <see cref="ContentionException"/> (503 at the edge, a redelivery for a queue message), never a hang.
/// </summary>
public static class OptimisticRetry
{
    public const int MaxAttempts = 64;

    public static async Task<Result<T>> RunAsync<T>(
        string what, Func<Task<Result<T>?>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var i = 0; i < MaxAttempts; i++)
        {
            if (i > 0) await Task.Delay(Backoff(i), cancellationToken);
            if (await attempt() is { } settled) return settled;
        }
        throw new ContentionException(what);
    }

    /// <summary>Grows with the attempt, up to about a tenth of a second.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(1, 3 + Math.Min(attempt * 2, 100)));
}
