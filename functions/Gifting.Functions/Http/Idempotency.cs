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
/// for <see cref="Lease"/>, after which a retry takes over.
/// </summary>
public sealed class Idempotency(RequestDelegate next, IIdempotencyStore store, TimeProvider clock)
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
                await ProblemWriter.WriteAsync(context, 400, ProblemCodes.IdempotencyKeyRequired, "Idempotency-Key is required.", "Send an Idempotency-Key header of 1-255 characters.");
            else
                await next(context);
            return;
        }
        if (key.Length > 255)
        {
            await ProblemWriter.WriteAsync(context, 400, ProblemCodes.InvalidIdempotencyKey, "Idempotency-Key is too long.", "Use 1-255 characters.");
            return;
        }

        var recordKey = "idem-" + KeyFor(context);
        var fingerprint = await FingerprintAsync(context.Request);
        var existing = await store.TryBeginAsync(recordKey, fingerprint, clock.GetUtcNow() + Lease, context.RequestAborted);
        if (existing is not null && !await MayRunAsync(context, existing, fingerprint)) return;
        await RunAndRememberAsync(context, recordKey, fingerprint);
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

    /// <summary>Lets an endpoint store a different body for replays than the one it sends (one that omits claim codes).</summary>
    public static void SetReplayBody<T>(HttpContext context, T body) =>
        context.Items[ReplayBodyItem] = JsonSerializer.SerializeToUtf8Bytes(body, GiftingJson.Options);

    private async Task<bool> MayRunAsync(HttpContext context, IdempotencyRecord existing, string fingerprint)
    {
        if (existing.Fingerprint != fingerprint)
        {
            await ProblemWriter.WriteAsync(context, 422, ProblemCodes.IdempotencyKeyMismatch, "Idempotency-Key reused with another request.",
                "This key was first used with a different request. Use a new key for a new request.");
            return false;
        }
        if (existing.Completed)
        {
            context.Response.StatusCode = existing.Status;
            context.Response.Headers["Idempotent-Replayed"] = "true";
            if (existing.ContentType is not null) context.Response.ContentType = existing.ContentType;
            await context.Response.Body.WriteAsync(existing.Body ?? [], context.RequestAborted);
            return false;
        }
        if (existing.LockedUntil <= clock.GetUtcNow()
            && await store.TryTakeOverAsync(existing, clock.GetUtcNow() + Lease, context.RequestAborted))
            return true;
        await ProblemWriter.WriteAsync(context, 409, ProblemCodes.IdempotencyKeyInUse, "A request with this Idempotency-Key is still running.",
            "Retry after the first request has finished.");
        return false;
    }

    private async Task RunAndRememberAsync(HttpContext context, string recordKey, string fingerprint)
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
            await store.ReleaseAsync(recordKey, CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var status = context.Response.StatusCode;
        if (status >= 500 || status == 429)
            await store.ReleaseAsync(recordKey, CancellationToken.None);
        else
        {
            var replay = context.Items[ReplayBodyItem] as byte[] ?? buffer.ToArray();
            await store.CompleteAsync(recordKey, fingerprint, status, context.Response.ContentType, replay, CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
