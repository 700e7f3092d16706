using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Gifting.Functions;

namespace Gifting.LocalHost;

/// <summary>
/// Starts the custom handler as the Functions host would: on 127.0.0.1 at a port chosen for it, in the Local
/// environment, with settings that point it at the local emulator.
/// </summary>
public static class LocalHandler
{
    // Fresh secrets per start: the emulator forgets everything on exit, so nothing needs the old ones.
    public static Dictionary<string, string?> Settings(string cosmosEndpoint) => LocalSettings.For(
        cosmosEndpoint, CosmosEmulator.Key, emulator: true, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>
    /// Builds and starts the handler on <paramref name="port"/> (see <see cref="FreePort"/>); <c>configure</c> runs on
    /// its builder after the local settings, before the app adds its services.
    /// </summary>
    public static async Task<WebApplication> StartAsync(
        int port, string cosmosEndpoint, IReadOnlyDictionary<string, string?>? overrides,
        Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var app = GiftingApp.Build(["--environment", GiftingApp.LocalEnvironment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings(cosmosEndpoint));
            if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            configure?.Invoke(builder);
        });
        await app.StartAsync(cancellationToken);
        return app;
    }

    public static Uri Address(int port) => new($"http://127.0.0.1:{port}/");

    /// <summary>A loopback port free now, chosen before the handler starts so its callers can be built first.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
