using System.Text.Json;

namespace Gifting.Integration.Tests.Reliability.Outages;

/// <summary>
/// How an answer given while faults were injected is judged: a success, a clean retryable refusal (503
/// <c>service_busy</c>, or 429, each with <c>Retry-After</c> and in the contract's problem shape), or a violation
/// (a 500, anything else, a malformed problem, or no answer at all).
/// </summary>
public static class Attempt
{
    /// <summary>How long a request may take before it counts as hung.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public enum Verdict
    {
        Succeeded,
        Retryable,

        /// <summary>409 <c>idempotency_key_in_use</c>: an earlier run's record holds the key for its lease.</summary>
        KeyInUse,
        Violation,
    }

    /// <summary>Sends one request and judges its answer, saying what was wrong with a violation.</summary>
    /// <param name="send">Sends the request.</param>
    /// <param name="success">The statuses that mean it succeeded.</param>
    /// <param name="alsoDone">Other answers (status and body) that say the work was done, or null.</param>
    public static async Task<(Verdict Verdict, string? Problem, JsonElement? Body)> RunAsync(
        Func<CancellationToken, Task<HttpResponseMessage>> send, int[] success,
        Func<int, string, bool>? alsoDone = null)
    {
        using var patience = new CancellationTokenSource(Patience);
        HttpResponseMessage response;
        try
        {
            response = await send(patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            return (Verdict.Violation, $"no answer within {Patience.TotalSeconds} s", null);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (alsoDone?.Invoke(status, text) == true) return (Verdict.Succeeded, null, null);
            if (success.Contains(status))
                return (Verdict.Succeeded, null, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null);
            if (status is 503 or 429)
            {
                var wrong = ProblemShape(response, text, status);
                if (wrong is not null) return (Verdict.Violation, $"{status}: {wrong}", null);
                return (Verdict.Retryable, null, null);
            }
            if (status == 409 && text.Contains("\"idempotency_key_in_use\"", StringComparison.Ordinal))
                return (Verdict.KeyInUse, "409 idempotency_key_in_use", null);
            return (Verdict.Violation, $"answered {status}: {Trim(text)}", null);
        }
    }

    private static string? ProblemShape(HttpResponseMessage response, string text, int status)
    {
        if (response.Headers.RetryAfter is null) return "no Retry-After";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return "not a problem";
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            var code = problem.GetProperty("code").GetString();
            if (problem.GetProperty("status").GetInt32() != status) return "status differs in the problem";
            if (string.IsNullOrEmpty(problem.GetProperty("title").GetString())) return "no title";
            if (!problem.TryGetProperty("type", out _) || !problem.TryGetProperty("detail", out _))
                return "no type or detail";
            if (status == 503 && code != "service_busy") return $"code {code}";
            return null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "malformed problem";
        }
    }

    private static string Trim(string text) => text.Length > 300 ? text[..300] : text;
}
