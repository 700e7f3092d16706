using Gifting.Functions;
using Gifting.Functions.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>
/// The real handler, in memory, against the fixture's Cosmos DB; tests may wrap services to inject faults.
/// </summary>
public sealed class GiftingFactory(
    CosmosFixture cosmos,
    Action<IServiceCollection>? services = null,
    string environment = GiftingApp.LocalEnvironment,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Gifting.Functions.Program>
{
    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// The app as it runs in Azure: the Production environment with OIDC settings (an issuer nobody reaches), and
    /// whatever else <paramref name="settings"/> adds or overrides.
    /// </summary>
    public static GiftingFactory Production(CosmosFixture cosmos, Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Auth:Mode"] = "Oidc",
            ["Auth:Authority"] = "https://login.example.invalid/tenant/v2.0",
            ["Auth:Audience"] = "api://gifting",
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        return new GiftingFactory(cosmos, environment: "Production", settings: all);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in cosmos.Settings()) builder.UseSetting(key, value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        // Every line the framework writes too, so the log searches of the secret-hygiene tests miss nothing.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(s =>
        {
            Reliability.Secrets.SecretCapture.Install(s);
            services?.Invoke(s);
        });
        foreach (var (key, value) in cosmos.Settings()) Reliability.Secrets.SecretCapture.RegisterSetting(key, value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            Reliability.Secrets.SecretCapture.RegisterSetting(key, value);
    }

    /// <summary>
    /// Starts the app from the same composition root and settings on this thread, and returns why it refused.
    /// Starting it through <c>CreateClient</c> races the entry point's own disposal of the failed host, which can
    /// surface as an <see cref="ObjectDisposedException"/> in place of the validation error.
    /// </summary>
    public Task<T> RefusalToStartAsync<T>() where T : Exception => Assert.ThrowsAnyAsync<T>(async () =>
    {
        await using var app = GiftingApp.Build(["--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(cosmos.Settings());
            builder.Configuration.AddInMemoryCollection((settings ?? new Dictionary<string, string>())
                .Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
    });

    /// <summary>A client whose requests carry a token for <paramref name="subject"/> with the given role.</summary>
    public HttpClient ClientFor(string subject, string role, string marketplace = "US", string? org = null)
    {
        var token = Services.GetRequiredService<LocalTokens>()
            .Issue(subject, [role], marketplace, TimeProvider.System, org);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
