using Gifting.Cli;

namespace Gifting.Integration.Tests.Cli;

/// <summary>One run of the CLI: its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);

public static class Cli
{
    public static async Task<CliRun> RunAsync(HttpMessageHandler? handler, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, handler);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The CLI against the app in memory, with a token for <paramref name="subject"/> in that role.</summary>
    public static Task<CliRun> RunAsync(GiftingFactory app, string subject, string role, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        var token = app.Services.GetRequiredService<Gifting.Functions.Auth.LocalTokens>()
            .Issue(subject, [role], "US", TimeProvider.System, null);
        return RunAsync(app.Server.CreateHandler(), ["--api-url", "http://localhost", "--token", token, .. args]);
    }
}
