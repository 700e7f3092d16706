using System.Net;
using System.Text.Json;

namespace Gifting.Cli;

/// <summary>An API answer: its status and its body, as JSON where it is JSON.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Text, JsonElement? Json)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>The exit code this answer means for a script.</summary>
    public int ExitCode => Succeeded ? ExitCodes.Ok : (int)Status is >= 400 and < 500 ? ExitCodes.Refused
        : ExitCodes.Unavailable;

    /// <summary>The problem's code and detail, for the error line a person reads.</summary>
    public string Describe()
    {
        if (Json is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty("code", out var code))
        {
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return $"{(int)Status} {code.GetString()}" + (detail is { Length: > 0 } ? $": {detail}" : "");
        }
        return $"{(int)Status} {Status}";
    }
}
