using System.Diagnostics;
using System.IO.Compression;
using Gifting.LocalHost;

namespace Gifting.Integration.Tests.Deployment;

/// <summary>
/// The deployable zip, built once per run by infra/azure/package.sh (a self-contained publish: the slow part) and
/// unpacked as the host unpacks it, modes kept.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "gifting-package-" + Guid.NewGuid().ToString("N"));

    public string Zip => Path.Combine(_folder, "gifting-app.zip");

    public string AppRoot => Path.Combine(_folder, "app");

    /// <summary>How long building the package took.</summary>
    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var started = Stopwatch.StartNew();
        using var script = Process.Start(new ProcessStartInfo("bash",
            [Path.Combine(RepositoryRoot.Find(), "infra", "azure", "package.sh"), Zip])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        BuildTime = started.Elapsed;
        if (script.ExitCode != 0)
            throw new InvalidOperationException(
                $"package.sh failed ({script.ExitCode}):\n{await output}\n{await errors}");
        // ZipFile restores each entry's Unix permissions on Unix, as the host's unpacking does.
        ZipFile.ExtractToDirectory(Zip, AppRoot);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
