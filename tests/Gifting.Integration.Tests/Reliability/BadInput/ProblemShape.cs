using System.Text.Json;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>
/// The contract's error shape (RFC 9457 <c>application/problem+json</c> with <c>type</c>, <c>title</c>,
/// <c>status</c>, <c>detail</c> and a stable snake_case <c>code</c>, never a stack trace): what is wrong with a
/// response, or null when it has that shape.
/// </summary>
public static class ProblemShape
{
    public static string? Fault(int status, string? mediaType, string body, out string? code)
    {
        code = null;
        if (mediaType != "application/problem+json") return $"content type {mediaType ?? "(none)"}";
        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return "a body that is not JSON";
        }
        if (problem.ValueKind != JsonValueKind.Object) return "a problem that is not an object";
        foreach (var member in new[] { "type", "title", "detail", "code" })
        {
            if (!problem.TryGetProperty(member, out var value) || value.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(value.GetString()))
                return $"no {member}";
        }
        if (!problem.TryGetProperty("status", out var given) || given.ValueKind != JsonValueKind.Number
            || given.GetInt32() != status)
            return "a status member that is not the response's";
        code = problem.GetProperty("code").GetString();
        if (!code!.All(c => char.IsAsciiLetterLower(c) || c == '_')) return "a code that is not snake_case";
        if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
            return "a stack trace or an exception's name";
        return null;
    }
}
