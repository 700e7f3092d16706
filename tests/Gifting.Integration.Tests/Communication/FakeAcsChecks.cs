using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gifting.Integration.Tests.Communication;

/// <summary>
/// What ACS checks of a request, written from its documentation rather than from the client's code: the HMAC
/// signature recomputed here, the content hash against the body, and the documented body and header shapes.
/// Each returns the problem in words, or null.
/// </summary>
public static class FakeAcsChecks
{
    private const string HmacPrefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";

    public static string? Authentication(
        string method, string target, string host, IReadOnlyDictionary<string, string> headers, byte[] body,
        byte[] accessKey, string? bearerToken)
    {
        if (!headers.TryGetValue("Authorization", out var authorization))
            return "no Authorization header";
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            return bearerToken is not null && authorization == $"Bearer {bearerToken}" ? null : "wrong bearer token";
        if (!authorization.StartsWith(HmacPrefix, StringComparison.Ordinal))
            return "Authorization is not HMAC-SHA256 with the documented signed headers";
        if (!headers.TryGetValue("x-ms-date", out var date) || !IsRfc1123(date, out var at))
            return "x-ms-date is missing or not RFC 1123";
        if ((DateTimeOffset.UtcNow - at).Duration() > TimeSpan.FromMinutes(10))
            return "x-ms-date is more than 10 minutes away";
        if (!headers.TryGetValue("x-ms-content-sha256", out var hash)
            || hash != Convert.ToBase64String(SHA256.HashData(body)))
            return "x-ms-content-sha256 does not match the body";
        var stringToSign = method + "\n" + target + "\n" + date + ";" + host + ";" + hash;
        var expected = HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign));
        var given = TryBase64(authorization[HmacPrefix.Length..]);
        return given is not null && CryptographicOperations.FixedTimeEquals(expected, given)
            ? null
            : "the signature does not match";
    }

    public static string? EmailShape(string target, IReadOnlyDictionary<string, string> headers, JsonElement body)
    {
        var problems = new List<string>();
        if (target != "/emails:send?api-version=2025-09-01")
            problems.Add($"target {target}");
        var id = headers.GetValueOrDefault("Repeatability-Request-Id");
        if (!Guid.TryParse(id, out _))
            problems.Add("Repeatability-Request-Id is not a GUID");
        if (!IsRfc1123(headers.GetValueOrDefault("Repeatability-First-Sent"), out _))
            problems.Add("Repeatability-First-Sent is not RFC 1123");
        if (headers.GetValueOrDefault("Operation-Id") != id)
            problems.Add("Operation-Id differs from Repeatability-Request-Id");
        if (Text(body, "senderAddress") is null)
            problems.Add("senderAddress");
        if (!body.TryGetProperty("recipients", out var recipients)
            || !recipients.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array
            || to.GetArrayLength() == 0 || to.EnumerateArray().Any(r => Text(r, "address") is null))
            problems.Add("recipients.to[].address");
        if (!body.TryGetProperty("content", out var content)
            || new[] { "subject", "plainText", "html" }.Any(name => Text(content, name) is null))
            problems.Add("content.subject, plainText and html");
        return problems.Count == 0 ? null : "not the documented email shape: " + string.Join(", ", problems);
    }

    public static string? SmsShape(string target, JsonElement body)
    {
        var problems = new List<string>();
        if (target != "/sms?api-version=2021-03-07")
            problems.Add($"target {target}");
        if (Text(body, "from") is not { } from || !from.StartsWith('+'))
            problems.Add("from");
        if (Text(body, "message") is null)
            problems.Add("message");
        if (!body.TryGetProperty("smsRecipients", out var recipients) || recipients.ValueKind != JsonValueKind.Array
            || recipients.GetArrayLength() == 0
            || recipients.EnumerateArray().Any(r => Text(r, "to") is null
                || !Guid.TryParse(Text(r, "repeatabilityRequestId"), out _)
                || !IsRfc1123(Text(r, "repeatabilityFirstSent"), out _)))
            problems.Add("smsRecipients[] with to, repeatabilityRequestId and repeatabilityFirstSent");
        if (!body.TryGetProperty("smsSendOptions", out var options)
            || !options.TryGetProperty("enableDeliveryReport", out var report)
            || report.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            problems.Add("smsSendOptions.enableDeliveryReport");
        return problems.Count == 0 ? null : "not the documented SMS shape: " + string.Join(", ", problems);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsRfc1123(string? value, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    private static byte[]? TryBase64(string value)
    {
        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var length) ? bytes[..length] : null;
    }
}
