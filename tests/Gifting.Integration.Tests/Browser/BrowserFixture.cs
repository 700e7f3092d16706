using Gifting.LocalHost;
using Microsoft.Playwright;

namespace Gifting.Integration.Tests.Browser;

/// <summary>
/// One headless Chromium and one running local stand-in (the real front door on a loopback port, as a person runs
/// it) per test class; each test opens its own browser context, so tests share no session storage.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private LocalStandIn? _standIn;

    /// <summary>Settings: a review threshold so a large card is held, and room for many failures.</summary>
    public static Dictionary<string, string?> PageSettings(CosmosFixture cosmos)
    {
        ArgumentNullException.ThrowIfNull(cosmos);
        var settings = cosmos.Settings();
        settings["Redemption:ReviewThresholds:USD"] = "100000";
        settings["Redemption:FailuresPerClientAddress"] = "100000";
        return settings;
    }

    public async Task<(IBrowser Browser, LocalStandIn StandIn)> StartAsync(CosmosFixture cosmos)
    {
        var executable = SystemChromium.Require();
        await _gate.WaitAsync();
        try
        {
            _standIn ??= await LocalStandIn.StartAsync(
                0, cosmos.Endpoint, PageSettings(cosmos), runSchedules: false, CancellationToken.None);
            _playwright ??= await Playwright.CreateAsync();
            _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"],
            });
            return (_browser, _standIn);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_standIn is not null) await _standIn.DisposeAsync();
    }

    public void Dispose() => _gate.Dispose();
}
