using System.CommandLine;
using System.Net.Http.Headers;

namespace Gifting.Cli;

/// <summary>Calls the API for a command and turns the answer into output and an exit code.</summary>
public sealed class Runner(TextWriter output, TextWriter error, HttpMessageHandler? handler)
{
    public TextWriter Out => output;

    public TextWriter Error => error;

    /// <summary>
    /// Makes the call and writes its answer (<paramref name="render"/> where the command has its own).
    /// </summary>
    public async Task<int> CallAsync(
        ParseResult parsed, Func<ApiClient, CancellationToken, Task<ApiAnswer>> call,
        CancellationToken cancellationToken, Func<ApiAnswer, Task<int>>? render = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(call);
        var baseAddress = parsed.GetValue(CliApp.ApiUrl)!;
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = new Uri(baseAddress.TrimEnd('/') + "/");
        http.Timeout = TimeSpan.FromSeconds(100);
        if (parsed.GetValue(CliApp.Token) is { Length: > 0 } token)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        ApiAnswer answer;
        try
        {
            answer = await call(new ApiClient(http), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"Cannot reach {http.BaseAddress}: {e.Message}");
            return ExitCodes.Unavailable;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"{http.BaseAddress} did not answer in {http.Timeout.TotalSeconds} s.");
            return ExitCodes.Unavailable;
        }
        if (!answer.Succeeded)
        {
            await error.WriteLineAsync(answer.Describe());
            if (IsJson(parsed) && answer.Json is not null) await output.WriteLineAsync(answer.Text);
            return answer.ExitCode;
        }
        if (render is not null) return await render(answer);
        await Write(parsed, answer);
        return ExitCodes.Ok;
    }

    public static bool IsJson(ParseResult parsed) => parsed?.GetValue(CliApp.Output) == "json";

    /// <summary>The answer as JSON, or as a table for people.</summary>
    public async Task Write(ParseResult parsed, ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (IsJson(parsed) || answer.Json is null)
            await output.WriteLineAsync(answer.Text);
        else
            Tables.Write(output, answer.Json.Value);
    }
}
