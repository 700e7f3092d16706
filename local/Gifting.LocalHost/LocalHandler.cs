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
    /// Builds and starts the handler; <c>configure</c> runs on its builder after the local settings, before the app
    /// adds its services.
    /// </summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        string cosmosEndpoint, IReadOnlyDictionary<string, string?>? overrides,
        Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var app = GiftingApp.Build(["--environment", GiftingApp.LocalEnvironment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings(cosmosEndpoint));
            if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            configure?.Invoke(builder);
        });
        await app.StartAsync(cancellationToken);
        return (app, new Uri($"http://127.0.0.1:{port}/"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
