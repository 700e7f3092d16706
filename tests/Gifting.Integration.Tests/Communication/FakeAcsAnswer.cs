using System.Text.Json;

namespace Gifting.Integration.Tests.Communication;

/// <summary>
/// One scripted answer of <see cref="FakeAcs"/>: a status, headers and a body written from the request it answers,
/// after an optional delay. Without a script the fake answers as ACS does to a good request.
/// </summary>
public sealed record FakeAcsAnswer(
    int Status, IReadOnlyDictionary<string, string> Headers, Func<FakeAcsRequest, string?> Body,
    TimeSpan Delay = default)
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    public static FakeAcsAnswer Throttled(int retryAfterSeconds) => new(429,
        new Dictionary<string, string> { ["Retry-After"] = $"{retryAfterSeconds}" },
        _ => ErrorBody("TooManyRequests", "Rate limit exceeded. Try again later."));

    public static FakeAcsAnswer Failing(int status) => new(status, NoHeaders, _ => null);

    public static FakeAcsAnswer Error(int status, string code, string message) => new(status,
        new Dictionary<string, string> { ["x-ms-error-code"] = code }, _ => ErrorBody(code, message));

    /// <summary>The default answer, only after <paramref name="delay"/>.</summary>
    public static FakeAcsAnswer Slow(TimeSpan delay) => new(0, NoHeaders, _ => null, delay);

    /// <summary>An SMS request taken (202) whose one recipient failed with <paramref name="httpStatusCode"/>.</summary>
    public static FakeAcsAnswer SmsRecipientFailed(int httpStatusCode, string errorMessage) =>
        new(202, NoHeaders, request => JsonSerializer.Serialize(new
        {
            value = new[]
            {
                new
                {
                    to = request.Json.GetProperty("smsRecipients")[0].GetProperty("to").GetString(),
                    httpStatusCode, errorMessage, successful = false, repeatabilityResult = "accepted",
                },
            },
        }));

    /// <summary>Status 0 stands for the fake's default answer to the request.</summary>
    public bool IsDefault => Status == 0;

    public static string ErrorBody(string code, string message) =>
        JsonSerializer.Serialize(new { error = new { code, message } });
}
