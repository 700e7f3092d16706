using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gifting.Infra.Communication;

namespace Gifting.LocalHost;

/// <summary>
/// The checks ACS makes of an access-key request: the documented <c>Authorization</c> form, an RFC 1123
/// <c>x-ms-date</c> close to now, <c>x-ms-content-sha256</c> equal to the body's hash, and the HMAC-SHA256
/// signature recomputed with the key. Each answers the problem in words, or null.
/// </summary>
internal static class LocalAcsSignature
{
    private const string Prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(10);

    public static string? Problem(
        byte[] accessKey, string method, string pathAndQuery, string host, IHeaderDictionary headers, byte[] body,
        DateTimeOffset now)
    {
        var authorization = headers.Authorization.ToString();
        if (!authorization.StartsWith(Prefix, StringComparison.Ordinal))
            return "the Authorization header is not HMAC-SHA256 with the documented signed headers";
        var date = headers[AcsHmacSigningHandler.DateHeader].ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
                out var at))
            return "x-ms-date is missing or not RFC 1123";
        if ((now - at).Duration() > Skew)
            return "x-ms-date is more than 10 minutes from now";
        var hash = headers[AcsHmacSigningHandler.ContentHashHeader].ToString();
        if (hash != Convert.ToBase64String(SHA256.HashData(body)))
            return "x-ms-content-sha256 does not match the body";
        var expected = AcsHmacSigningHandler.Sign(accessKey, method, pathAndQuery, date, host, hash);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization[Prefix.Length..]))
            ? null
            : "the signature does not match";
    }
}
