using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gifting.Core.Idempotency;
using Gifting.Infra.Json;

namespace Gifting.Functions.Http;

/// <summary>Endpoint metadata: the route accepts <c>Idempotency-Key</c>, and may require it.</summary>
public sealed record IdempotentRequest(bool KeyRequired);

/// <summary>
/// The contract's <c>Idempotency-Key</c>: a replay answers the first response with <c>Idempotent-Replayed: true</c>;
/// another body under the same key is 422; a key whose first request is still running is 409. A request that ends
/// in a 5xx, a 429 or an exception is forgotten, so the client's retry runs again. A runner that dies holds the key
/// for <see cref="Lease"/>, after which a retry takes over; the runner it took over from can then neither complete
/// nor forget the record.
/// </summary>
public sealed partial class Idempotency(
    RequestDelegate next, IIdempotencyStore store, TimeProvider clock, ILogger<Idempotency> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private const string Header = "Idempotency-Key";
    private const string ReplayBodyItem = "gifting.replay-body";

    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<IdempotentRequest>();
        if (metadata is null || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }
        string? key = context.Request.Headers[Header];
        if (string.IsNullOrEmpty(key))
        {
            if (metadata.KeyRequired)
                await ProblemWriter.WriteAsync(context, 400, ProblemCodes.IdempotencyKeyRequired,
                    "Idempotency-Key is required.", "Send an Idempotency-Key header of 1-255 characters.");
            else
                await next(context);
            return;
        }
        if (key.Length > 255)
        {
            await ProblemWriter.WriteAsync(context, 400, ProblemCodes.InvalidIdempotencyKey,
                "Idempotency-Key is too long.", "Use 1-255 characters.");
            return;
        }

        var recordKey = "idem-" + KeyFor(context);
        var fingerprint = await RequestFingerprint.OfAsync(context.Request);
        var lockedUntil = clock.GetUtcNow() + Lease;
        var begun = await store.TryBeginAsync(recordKey, fingerprint, lockedUntil, context.RequestAborted);
        var lease = begun.Lease ?? await TakeOverOrAnswerAsync(context, begun.Existing!, fingerprint);
        if (lease is not null) await RunAndRememberAsync(context, lease, fingerprint);
    }

    /// <summary>
    /// The request's idempotency key as the caller's own: a hash of the token's <c>sub</c> and the header, so two
    /// callers' keys never meet. An endpoint uses it to name what the request creates.
    /// </summary>
    public static string KeyFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subject = context.User.FindFirst("sub")?.Value;
        var input = Encoding.UTF8.GetBytes($"{subject}\n{context.Request.Headers[Header]}");
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>
    /// Lets an endpoint store a different body for replays than the one it sends (one that omits claim codes).
    /// </summary>
    public static void SetReplayBody<T>(HttpContext context, T body) =>
        context.Items[ReplayBodyItem] = JsonSerializer.SerializeToUtf8Bytes(body, GiftingJson.Options);

    /// <summary>The lease on a record whose runner's lock ran out; otherwise null, and the answer is written.</summary>
    private async Task<IdempotencyLease?> TakeOverOrAnswerAsync(
        HttpContext context, IdempotencyRecord existing, string fingerprint)
    {
        if (existing.Fingerprint != fingerprint)
        {
            await ProblemWriter.WriteAsync(context, 422, ProblemCodes.IdempotencyKeyMismatch,
                "Idempotency-Key reused with another request.",
                "This key was first used with a different request. Use a new key for a new request.");
            return null;
        }
        if (existing.Completed)
        {
            context.Response.StatusCode = existing.Status;
            context.Response.Headers["Idempotent-Replayed"] = "true";
            if (existing.ContentType is not null) context.Response.ContentType = existing.ContentType;
            await context.Response.Body.WriteAsync(existing.Body ?? [], context.RequestAborted);
            return null;
        }
        if (existing.LockedUntil <= clock.GetUtcNow()
            && await store.TryTakeOverAsync(existing, clock.GetUtcNow() + Lease, context.RequestAborted) is { } lease)
            return lease;
        // The first request holds the key until its lease ends at the latest: a retry then replays it or takes over.
        var left = Math.Ceiling((existing.LockedUntil - clock.GetUtcNow()).TotalSeconds);
        context.Response.Headers.RetryAfter = Math.Clamp(left, 1, Lease.TotalSeconds)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ProblemWriter.WriteAsync(context, 409, ProblemCodes.IdempotencyKeyInUse,
            "A request with this Idempotency-Key is still running.",
            "Retry after the first request has finished, at the latest after the time in Retry-After.");
        return null;
    }

    private async Task RunAndRememberAsync(HttpContext context, IdempotencyLease lease, string fingerprint)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await ForgetAsync(lease);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var status = context.Response.StatusCode;
        if (status >= 500 || status == 429)
            await ForgetAsync(lease);
        else
        {
            var replay = context.Items[ReplayBodyItem] as byte[] ?? buffer.ToArray();
            await RememberAsync(lease, fingerprint, status, context.Response.ContentType, replay);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>
    /// Stores the answer for replays. The work is done whatever happens here, so the client gets the answer this run
    /// has: if another runner took the key over, its record stands; if the write fails after the SDK's own retries,
    /// the record stays running until its lease runs out and a retry runs again, which every idempotent route
    /// survives (each names what it writes after the key).
    /// </summary>
    private async Task RememberAsync(
        IdempotencyLease lease, string fingerprint, int status, string? contentType, byte[] replay)
    {
        try
        {
            if (!await store.CompleteAsync(lease, fingerprint, status, contentType, replay, CancellationToken.None))
                LogLeaseLost(logger, status);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogCompletionFailed(logger, e, status);
        }
    }

    private async Task ForgetAsync(IdempotencyLease lease)
    {
        if (!await store.ReleaseAsync(lease, CancellationToken.None)) LogLeaseLost(logger, null);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "An idempotent request ended ({Status}) after another runner took its key over; that record stands")]
    private static partial void LogLeaseLost(ILogger logger, int? status);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "An idempotent request succeeded ({Status}) but its record was not completed; a retry runs it again")]
    private static partial void LogCompletionFailed(ILogger logger, Exception exception, int status);
}
