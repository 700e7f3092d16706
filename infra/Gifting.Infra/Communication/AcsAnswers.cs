using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gifting.Core.Delivery;

namespace Gifting.Infra.Communication;

/// <summary>
/// What an ACS answer means for a send: 429 and 5xx may pass, every other 4xx will not. Reasons carry the status
/// and ACS's error code and message, with the recipient taken out, and never the message itself.
/// </summary>
internal static class AcsAnswers
{
    private const int MaxDetailLength = 200;

    public static async Task<SendResult> FailureAsync(
        HttpResponseMessage response, string what, IReadOnlyList<string> recipient,
        CancellationToken cancellationToken)
    {
        var error = await ErrorAsync(response, cancellationToken);
        return Classify((int)response.StatusCode, error?.Code, error?.Message, RetryAfter(response), what, recipient);
    }

    public static SendResult Classify(
        int status, string? code, string? message, TimeSpan? retryAfter, string what, IReadOnlyList<string> recipient)
    {
        var name = Enum.IsDefined(typeof(HttpStatusCode), status) ? $" {(HttpStatusCode)status}" : "";
        var detail = string.Join(": ", new[] { code, Redact(message, recipient) }.Where(s => !string.IsNullOrEmpty(s)));
        var answered = $"{status}{name}" + (detail.Length > 0 ? $", {detail}" : "");
        return status is 408 or 429 or >= 500
            ? new SendResult(SendOutcome.Transient, $"ACS could not take the {what} now ({answered}).", retryAfter)
            : new SendResult(SendOutcome.Permanent, $"ACS refused the {what} ({answered}).");
    }

    /// <summary>ACS's error code and message, from the body or else the <c>x-ms-error-code</c> header.</summary>
    public static async Task<AcsError?> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        AcsError? error = null;
        try
        {
            error = (await response.Content.ReadFromJsonAsync<AcsErrorResponse>(AcsWire.Json, cancellationToken))
                ?.Error;
        }
        catch (JsonException)
        {
            // Not the documented error body (a proxy's page, say): the header and the status still speak.
        }
        var header = response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.First() : null;
        return error?.Code is not null || header is null ? error : new AcsError(header, error?.Message);
    }

    /// <summary><c>retry-after-ms</c> when given, else <c>Retry-After</c> in seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        foreach (var name in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
            if (response.Headers.TryGetValues(name, out var values)
                && double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
                && ms >= 0)
                return TimeSpan.FromMilliseconds(ms);
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - (response.Headers.Date ?? DateTimeOffset.UtcNow) is var wait
                && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
    }

    /// <summary>
    /// No answer: a timeout (the client's, not the caller's) or a failed connection. Whether ACS took the message is
    /// unknown, so it is transient and a later try carries the same repeatability id.
    /// </summary>
    public static async Task<SendResult> SendAsync(
        HttpClient http, HttpRequestMessage request, string what,
        Func<HttpResponseMessage, Task<SendResult>> answer, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return await answer(response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Transient,
                $"ACS did not answer the {what} within {http.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException e)
        {
            return new SendResult(
                SendOutcome.Transient, $"ACS could not be reached for the {what} ({e.HttpRequestError}).");
        }
        catch (Azure.Identity.AuthenticationFailedException)
        {
            return new SendResult(SendOutcome.Transient, $"The app's identity got no Entra ID token for the {what}.");
        }
    }

    private static string? Redact(string? text, IReadOnlyList<string> recipient)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        foreach (var part in recipient.Where(p => p.Trim().Length >= 3))
            text = text.Replace(part.Trim(), "<recipient>", StringComparison.OrdinalIgnoreCase);
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= MaxDetailLength ? text : text[..MaxDetailLength] + "…";
    }
}
