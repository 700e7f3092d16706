using System.CommandLine;
using Gifting.Cli.Commands;

namespace Gifting.Cli;

/// <summary>
/// The operator CLI: one command per operator task, each a call of the HTTP API. Options that every command takes
/// (<c>--api-url</c>, <c>--token</c>, <c>--output</c>) are global and fall back to environment variables.
/// </summary>
public static class CliApp
{
    public static readonly Option<string> ApiUrl = CreateApiUrl();

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "Bearer token to call with (or GIFTING_TOKEN).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GIFTING_TOKEN"),
    };

    public static readonly Option<string> Output = new Option<string>("--output", "-o")
    {
        Description = "json: the API's answer as it came; table: for people.",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("json", "table");

    private static Option<string> CreateApiUrl()
    {
        var option = new Option<string>("--api-url")
        {
            Description = "Base address of the Gifting API (or GIFTING_API_URL).",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GIFTING_API_URL") is { Length: > 0 } url
                ? url
                : "http://localhost:7071",
        };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !(Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var uri)
                    && uri.Scheme is "http" or "https"))
                r.AddError("--api-url must be an absolute http or https address.");
        });
        return option;
    }

    /// <summary>
    /// Runs the CLI. <paramref name="handler"/>, when given, carries every request (tests pass the app's own);
    /// otherwise requests go over the network to <c>--api-url</c>.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = BuildRoot(new Runner(output, error, handler)).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors) await error.WriteLineAsync(parseError.Message);
            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error },
            cancellationToken);
    }

    /// <summary>Every command, as <see cref="RunAsync"/> parses them.</summary>
    public static RootCommand BuildRoot(Runner runner)
    {
        var root = new RootCommand("Gifting operator tools: cards, reviews, freezes, adjustments, rejected messages, "
            + "liability. Exit codes: 0 ok, 2 usage error, 3 refused by the API (4xx), 4 API failed or unreachable "
            + "(5xx, timeout), 5 a local file could not be written, 1 the CLI itself failed.")
        {
            CardCommands.Create(runner),
            ReviewCommands.Create(runner),
            AccountCommands.Create(runner),
            OperationsCommands.Rejected(runner),
            OperationsCommands.Reports(runner),
            OperationsCommands.Tokens(runner),
        };
        root.Options.Add(ApiUrl);
        root.Options.Add(Token);
        root.Options.Add(Output);
        return root;
    }
}
