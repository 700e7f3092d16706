using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Gifting.LocalHost;

/// <summary>
/// The Cosmos DB wire-protocol server from npm (<c>@vercel/cosmosdb-server</c>, pinned in package.json), started on a
/// free loopback port over plain HTTP. It keeps everything in memory: each start is an empty account.
/// </summary>
public sealed partial class CosmosEmulator : IAsyncDisposable
{
    /// <summary>The emulator accepts any key; this is the documented key of the official emulator.</summary>
    public const string Key =
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly Process _process;

    private CosmosEmulator(Process process, string endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    /// <summary>Completes if the emulator process ends.</summary>
    public Task Exited => _process.WaitForExitAsync();

    public static async Task<CosmosEmulator> StartAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var cli = Path.Combine(root, "node_modules", "@vercel", "cosmosdb-server", "lib", "cli.js");
        await InstallAsync(root, cli, cancellationToken);

        var start = new ProcessStartInfo("node", [cli, "--no-ssl", "--host", "127.0.0.1", "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && ReadyLine().Match(e.Data) is { Success: true } m)
                ready.TrySetResult(m.Groups["port"].Value);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) =>
            ready.TrySetException(new InvalidOperationException("The Cosmos emulator exited during start-up."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var port = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return new CosmosEmulator(process, $"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>Installs the pinned npm packages on first use, so a fresh clone needs no set-up step.</summary>
    private static async Task InstallAsync(string root, string cli, CancellationToken cancellationToken)
    {
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(cli)) return;
            var install = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            {
                WorkingDirectory = root,
            };
            using var npm = Process.Start(install) ?? throw new InvalidOperationException("Could not start npm.");
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0 || !File.Exists(cli))
                throw new InvalidOperationException(
                    $"'npm ci' failed with exit code {npm.ExitCode}; the Cosmos emulator is not installed.");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    [GeneratedRegex(@"Ready to accept HTTPS? connections at .*:(?<port>\d+)$")]
    private static partial Regex ReadyLine();
}
