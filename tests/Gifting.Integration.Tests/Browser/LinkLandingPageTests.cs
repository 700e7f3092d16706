using Microsoft.Playwright;

namespace Gifting.Integration.Tests.Browser;

/// <summary>
/// The one-click landing in Chromium: opening a link shows the gift and redeems nothing, however often; pressing
/// "Apply to your balance" credits once; the token leaves the address bar and is never sent as a Referer.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class LinkLandingPageTests(CosmosFixture cosmos, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task OpeningTheLinkTwice_RedeemsNothing_AndPressingApplyOnce_CreditsOnce()
    {
        var (browser, standIn) = await browsers.StartAsync(cosmos);
        var link = await new Shop(standIn).GiftLinkAsync();
        var token = Uri.UnescapeDataString(link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..]);
        await using var session = await PageSession.OpenAsync(browser, standIn.Address);
        await session.GoAsync(link);
        await Assertions.Expect(session.Page.Locator("#gift-state")).ToContainTextAsync("Sign in to see it");
        Assert.DoesNotContain("t=", session.Page.Url, StringComparison.Ordinal);
        await session.SignInAsync();
        await Assertions.Expect(session.Page.Locator("#gift-from")).ToHaveTextAsync("From People Team");
        await Assertions.Expect(session.Page.Locator("#gift-message")).ToHaveTextAsync("Thank you for this year");
        await Assertions.Expect(session.Page.Locator("#gift-amount")).ToHaveTextAsync("$25.00");
        await session.ScreenshotAsync("desktop-gift-landing");

        await session.GoAsync(link);
        await Assertions.Expect(session.Page.Locator("#apply")).ToBeVisibleAsync();
        using var http = Shop.WithToken(standIn.Address, await session.TokenAsync());
        Assert.Equal(0, await http.GiftBalanceAsync());
        Assert.DoesNotContain("t=", session.Page.Url, StringComparison.Ordinal);

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Apply to your balance" }).ClickAsync();
        await session.ExpectOutcomeAsync("$25.00 from the card ending");
        await Assertions.Expect(session.Page.Locator("#apply")).ToBeHiddenAsync();
        await session.ScreenshotAsync("desktop-gift-applied");
        Assert.Equal(2500, await http.GiftBalanceAsync());
        Assert.Single(session.Requests, r => r.Method == "POST" && r.Url.EndsWith("/api/redemptions",
            StringComparison.Ordinal));

        await session.GoAsync(link);
        await Assertions.Expect(session.Page.Locator("#gift-state")).ToContainTextAsync("already in your balance");
        Assert.Equal(2500, await http.GiftBalanceAsync());
        foreach (var request in session.Requests)
        {
            var headers = await request.AllHeadersAsync();
            // Chromium reports an empty referer among a module import's headers: that is no referrer at all.
            Assert.True(string.IsNullOrEmpty(headers.GetValueOrDefault("referer")), $"{request.Url} got a Referer.");
            if (request.Url.Contains("/api/", StringComparison.Ordinal))
                Assert.DoesNotContain(token, request.Url, StringComparison.Ordinal);
        }
        await session.AssertCleanAsync();
    }

    [SkippableFact]
    public async Task UnknownLink_SaysSoPlainly_AndOffersTheCodeField()
    {
        var (browser, standIn) = await browsers.StartAsync(cosmos);
        await using var session = await PageSession.OpenAsync(browser, standIn.Address, width: 360, height: 740);
        await session.GoAsync();
        await session.SignInAsync();

        await session.GoAsync("/redeem?t=AAAAAAAAAAAAAAAAAAAAAA");

        await Assertions.Expect(session.Page.Locator("#gift-state")).ToContainTextAsync("This link doesn't work");
        await Assertions.Expect(session.Page.Locator("#gift-state"))
            .ToContainTextAsync("You can still type the claim code");
        await Assertions.Expect(session.Page.Locator("#code")).ToBeEditableAsync();
        await session.ScreenshotAsync("phone-unknown-link");
        await session.AssertCleanAsync();
    }
}
