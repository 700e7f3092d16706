using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gifting.Infra.Communication;

/// <summary>
/// Signs each request with the resource's access key as ACS documents ("Sign an HTTP request"): the body's
/// SHA-256 in <c>x-ms-content-sha256</c>, the time in <c>x-ms-date</c>, and an HMAC-SHA256 over the verb, the path
/// and query, the date, the host and the hash.
/// </summary>
public sealed class AcsHmacSigningHandler(byte[] accessKey, TimeProvider time) : DelegatingHandler
{
    public const string DateHeader = "x-ms-date";
    public const string ContentHashHeader = "x-ms-content-sha256";

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("An ACS request needs an absolute URI.");
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var signature = Sign(accessKey, request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash);

        request.Headers.Remove(DateHeader);
        request.Headers.Remove(ContentHashHeader);
        request.Headers.TryAddWithoutValidation(DateHeader, date);
        request.Headers.TryAddWithoutValidation(ContentHashHeader, contentHash);
        request.Headers.Authorization = null;
        request.Headers.TryAddWithoutValidation("Authorization",
            $"HMAC-SHA256 SignedHeaders={DateHeader};host;{ContentHashHeader}&Signature={signature}");
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// <c>host</c> is the URI's authority: the port appears only where it is not the scheme's default.
    /// </summary>
    public static string Sign(
        byte[] accessKey, string verb, string pathAndQuery, string date, string host, string contentHash)
    {
        var stringToSign = $"{verb}\n{pathAndQuery}\n{date};{host};{contentHash}";
        return Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign)));
    }
}
