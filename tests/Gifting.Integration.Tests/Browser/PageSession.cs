using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gifting.Integration.Tests.Browser;

/// <summary>
/// A fresh browser context on the redeem page: it records every content-security-policy violation (through a listener
/// installed by the browser itself, which the page's policy does not govern), console errors, and every request the
/// page sends, so a test can check what reached the network.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private const string ViolationListener = """
        window.__violations = [];
        document.addEventListener("securitypolicyviolation",
          (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        """;

    private readonly IBrowserContext _context;

    private PageSession(IBrowserContext context, IPage page, Uri address)
    {
        _context = context;
        Page = page;
        Address = address;
        page.Console += (_, message) =>
        {
            // A 4xx answer is an outcome the page explains, which Chromium also reports on the console.
            if (message.Type == "error"
                && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                ConsoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        page.Request += (_, request) => Requests.Add(request);
    }

    public IPage Page { get; }

    public Uri Address { get; }

    public ConcurrentBag<string> ConsoleErrors { get; } = [];

    public ConcurrentBag<IRequest> Requests { get; } = [];

    public static async Task<PageSession> OpenAsync(IBrowser browser, Uri address, int width = 1100, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-US", TimezoneId = "UTC",
        });
        context.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        await context.AddInitScriptAsync(ViolationListener);
        return new PageSession(context, await context.NewPageAsync(), address);
    }

    /// <summary>Opens <paramref name="path"/> and waits until the page's script has finished starting.</summary>
    public async Task GoAsync(string path = "/redeem")
    {
        await Page.GotoAsync(new Uri(Address, path).ToString());
        await Page.Locator("body[data-ready=true]").WaitForAsync();
    }

    public async Task SignInAsync(string marketplace = "US")
    {
        await Page.Locator("#marketplace").SelectOptionAsync(marketplace);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in as a test shopper" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#balance-section")).ToBeVisibleAsync();
    }

    /// <summary>The account the page signed in as, from what it shows.</summary>
    public async Task<string> AccountAsync() =>
        Regex.Match(await Page.Locator("#who").InnerTextAsync(), @"^\S+").Value;

    public async Task<string> TokenAsync() =>
        await Page.EvaluateAsync<string>("() => sessionStorage.getItem('gifting.token')");

    public async Task RedeemAsync(string typed)
    {
        await Page.Locator("#code").FillAsync("");
        await Page.Locator("#code").PressSequentiallyAsync(typed);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Redeem", Exact = true }).ClickAsync();
    }

    /// <summary>Waits for the outcome to say <paramref name="expected"/>.</summary>
    public Task ExpectOutcomeAsync(string expected) =>
        Assertions.Expect(Page.Locator("#outcome")).ToContainTextAsync(expected);

    public async Task<IReadOnlyList<string>> ViolationsAsync() =>
        await Page.EvaluateAsync<string[]>("() => window.__violations");

    /// <summary>No policy violation and no console error so far.</summary>
    public async Task AssertCleanAsync()
    {
        Assert.Empty(await ViolationsAsync());
        Assert.Empty(ConsoleErrors);
    }

    /// <summary>Saves a screenshot when <c>GIFTING_SCREENSHOTS</c> names a folder (tools/screenshots.sh).</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("GIFTING_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, name + ".png"), FullPage = true,
        });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
