using System.Security.Cryptography;
using System.Text;

namespace Gifting.Functions.Http;

/// <summary>
/// What makes two requests under one idempotency key the same: the SHA-256 of method, path, query and body. The query
/// carries a CSV order's own fields; a request without one hashes as it always has.
/// </summary>
internal static class RequestFingerprint
{
    public static async Task<string> OfAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
