using System.Globalization;
using Gifting.Core.Codes;
using Microsoft.Playwright;

namespace Gifting.Integration.Tests.Browser;

/// <summary>The redeem page in Chromium against the running stand-in: codes, every answer, keyboard, phone.</summary>
[Collection(CosmosCollection.Name)]
public sealed class ManualRedemptionPageTests(CosmosFixture cosmos, BrowserFixture browsers)
    : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task MessilyTypedCode_IsFormattedWhileTyping_CreditsOnce_AndTheBalanceShowsIt()
    {
        var (browser, standIn) = await browsers.StartAsync(cosmos);
        var shop = new Shop(standIn);
        var (code, _) = await shop.CardAsync(2500);
        await using var session = await PageSession.OpenAsync(browser, standIn.Address);
        await session.GoAsync();
        await session.ScreenshotAsync("desktop-signed-out");
        await session.SignInAsync();
        // Lower case, spaces where dashes were, and the letter O for every zero.
        var messy = "  " + code.ToLowerInvariant().Replace("-", "  ", StringComparison.Ordinal).Replace('0', 'o');

        await session.Page.Locator("#code").PressSequentiallyAsync(messy);
        await Assertions.Expect(session.Page.Locator("#code")).ToHaveValueAsync(code);
        await Assertions.Expect(session.Page.Locator("#code-check")).ToHaveTextAsync("The code looks right.");
        await session.ScreenshotAsync("desktop-code-typed");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Redeem", Exact = true }).ClickAsync();

        await session.ExpectOutcomeAsync($"$25.00 from the card ending {code[^4..]} is in your balance");
        await Assertions.Expect(session.Page.Locator("#available")).ToHaveTextAsync("$25.00 available");
        await Assertions.Expect(session.Page.Locator("#gift-balance")).ToHaveTextAsync("$25.00");
        await Assertions.Expect(session.Page.Locator("#activity li")).ToHaveCountAsync(1);
        await Assertions.Expect(session.Page.Locator("#activity")).ToContainTextAsync("Gift card added");
        await Assertions.Expect(session.Page.Locator("#code-check")).ToBeEmptyAsync();
        using (var promotions = shop.As("promotions-1", "promotions"))
        {
            using var granted = await promotions.PostJsonAsync(
                $"/api/accounts/{await session.AccountAsync()}/promotional-credits", new
                {
                    grantId = Api.NewId("grant"), amount = new { amount = 500, currency = "USD" },
                    expiresAt = DateTimeOffset.UtcNow.AddDays(30), reason = "welcome",
                });
            Assert.Equal(201, (int)granted.StatusCode);
        }
        await session.GoAsync();
        await Assertions.Expect(session.Page.Locator("#promo-balance")).ToHaveTextAsync("$5.00");
        var expiry = DateTimeOffset.UtcNow.AddDays(30).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        await Assertions.Expect(session.Page.Locator("#lots"))
            .ToContainTextAsync($"$5.00 promotional credit, expires {expiry}");
        await session.ScreenshotAsync("desktop-redeemed");

        await session.RedeemAsync(code);
        await session.ExpectOutcomeAsync("This card is already in your balance since");
        using var http = Shop.WithToken(standIn.Address, await session.TokenAsync());
        Assert.Equal(2500, await http.GiftBalanceAsync());
        await session.AssertCleanAsync();
    }

    [SkippableFact]
    public async Task EveryAnswer_IsSaidInPlainWords()
    {
        var (browser, standIn) = await browsers.StartAsync(cosmos);
        var shop = new Shop(standIn);
        await using var session = await PageSession.OpenAsync(browser, standIn.Address);
        await session.GoAsync();
        await session.SignInAsync();

        await session.RedeemAsync(ClaimCode.Generate().Display);
        await session.ExpectOutcomeAsync("We couldn't find a gift card with this code");

        var (taken, _) = await shop.CardAsync();
        using (var other = shop.As(Api.NewId("other"), "customer"))
            Assert.Equal(200, (int)(await other.RedeemAsync(taken)).StatusCode);
        await session.RedeemAsync(taken);
        await session.ExpectOutcomeAsync("This card has already been redeemed. If that wasn't you");

        var (inactive, _) = await shop.CardAsync(physical: true);
        await session.RedeemAsync(inactive);
        await session.ExpectOutcomeAsync("Ask the store to activate it, and keep your receipt.");

        var (large, _) = await shop.CardAsync(2000_00);
        await session.RedeemAsync(large);
        await session.ExpectOutcomeAsync("We check some cards before adding them");
        await Assertions.Expect(session.Page.Locator("#pending-balance")).ToHaveTextAsync("$2,000.00");
        await session.ScreenshotAsync("desktop-held-for-review");

        await session.Page.RouteAsync("**/api/redemptions", route => route.FulfillAsync(new()
        {
            Status = 409, ContentType = "application/problem+json",
            Body = """{"status":409,"code":"card_frozen","title":"x","detail":"x"}""",
        }));
        await session.RedeemAsync((await shop.CardAsync()).Code);
        await session.ExpectOutcomeAsync("This card is on hold");
        await session.Page.UnrouteAllAsync();
        await session.Page.RouteAsync("**/api/redemptions", route => route.FulfillAsync(new()
        {
            Status = 409, ContentType = "application/problem+json",
            Body = """{"status":409,"code":"account_frozen","title":"x","detail":"x"}""",
        }));
        await session.RedeemAsync((await shop.CardAsync()).Code);
        await session.ExpectOutcomeAsync("Your account is on hold");
        await session.Page.UnrouteAllAsync();

        using (var http = Shop.WithToken(standIn.Address, await session.TokenAsync()))
        {
            // Three failures so far (unknown code, taken card, inactive card): three more pass the limit of 5.
            for (var i = 0; i < 3; i++) await http.RedeemAsync(ClaimCode.Generate().Display);
        }
        await session.RedeemAsync(ClaimCode.Generate().Display);
        await session.ExpectOutcomeAsync("Too many attempts. For your safety, try again in");
        await session.ScreenshotAsync("desktop-too-many-attempts");
        await session.AssertCleanAsync();
    }

    [SkippableFact]
    public async Task CardOfAnotherSite_SaysWhichSiteToUse()
    {
        var (browser, standIn) = await browsers.StartAsync(cosmos);
        var (code, _) = await new Shop(standIn).CardAsync();
        await using var session = await PageSession.OpenAsync(browser, standIn.Address);
        await session.GoAsync();
        await session.SignInAsync("DE");

        await session.RedeemAsync(code);

        await session.ExpectOutcomeAsync("This card is for the United States site. Redeem it there");
        await session.AssertCleanAsync();
    }

    [SkippableFact]
    public async Task MistypedSymbol_OffersTheOneSwapThatFitsWithoutAsking_TheServer()
    {
        var (browser, standIn) = await browsers.StartAsync(cosmos);
        var (code, mistyped) = Confusable();
        await using var session = await PageSession.OpenAsync(browser, standIn.Address);
        await session.GoAsync();
        await session.SignInAsync();
        var before = session.Requests.Count(r => r.Url.Contains("/api/redemptions", StringComparison.Ordinal));

        await session.RedeemAsync(mistyped);

        await Assertions.Expect(session.Page.Locator("#suggestion")).ToContainTextAsync($"Did you mean {code}?");
        await Assertions.Expect(session.Page.Locator("#code")).ToHaveAttributeAsync("aria-invalid", "true");
        await session.ScreenshotAsync("desktop-did-you-mean");
        Assert.Equal(before, session.Requests.Count(r => r.Url.Contains("/api/redemptions", StringComparison.Ordinal)));
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Use this code" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#code")).ToHaveValueAsync(code);
        await session.AssertCleanAsync();
    }

    [SkippableFact]
    public async Task KeyboardOnly_SignsIn_Redeems_AndSwitchesAPreference()
    {
        var (browser, standIn) = await browsers.StartAsync(cosmos);
        var (code, _) = await new Shop(standIn).CardAsync(1000);
        await using var session = await PageSession.OpenAsync(browser, standIn.Address);
        await session.GoAsync();
        var keyboard = session.Page.Keyboard;

        await TabToAsync(session.Page, "sign-in-local");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(session.Page.Locator("#balance-section")).ToBeVisibleAsync();
        await TabToAsync(session.Page, "code");
        await keyboard.TypeAsync(code.Replace("-", "", StringComparison.Ordinal));
        await keyboard.PressAsync("Enter");
        await session.ExpectOutcomeAsync("is in your balance");
        await Assertions.Expect(session.Page.Locator("#outcome")).ToBeFocusedAsync();
        await TabToAsync(session.Page, "apply-orders");
        var was = await session.Page.Locator("#apply-orders").IsCheckedAsync();
        await keyboard.PressAsync("Space");

        await Assertions.Expect(session.Page.Locator("#preferences-state")).ToHaveTextAsync("Saved.");
        using var http = Shop.WithToken(standIn.Address, await session.TokenAsync());
        var preferences = await (await http.GetAsync("/api/balance/preferences")).JsonAsync();
        Assert.Equal(!was, preferences.GetProperty("applyToOrders").GetBoolean());
        await session.AssertCleanAsync();
    }

    [SkippableFact]
    public async Task PhoneWidth_FitsWithoutSideways_Scrolling_AndRedeems()
    {
        var (browser, standIn) = await browsers.StartAsync(cosmos);
        var (code, _) = await new Shop(standIn).CardAsync(1500);
        await using var session = await PageSession.OpenAsync(browser, standIn.Address, width: 360, height: 740);
        await session.GoAsync();
        await session.SignInAsync();
        await session.ScreenshotAsync("phone-signed-in");

        await session.RedeemAsync(code.ToLowerInvariant());

        await session.ExpectOutcomeAsync("is in your balance");
        var overflow = await session.Page.EvaluateAsync<int>(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than a 360 px phone.");
        var button = await session.Page.Locator("#redeem").BoundingBoxAsync();
        Assert.True(button!.Height >= 44, "The redeem button is smaller than a finger.");
        await session.ScreenshotAsync("phone-redeemed");
        await session.AssertCleanAsync();
    }

    [SkippableFact]
    public async Task InlineScript_IsBlockedAndReported_SoTheViolationCheckCanFail()
    {
        var (browser, standIn) = await browsers.StartAsync(cosmos);
        await using var session = await PageSession.OpenAsync(browser, standIn.Address);
        await session.GoAsync();

        await session.Page.EvaluateAsync("""
            () => { const s = document.createElement("script"); s.textContent = "window.ran = 1";
                    document.body.append(s); }
            """);

        await Assertions.Expect(session.Page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        Assert.Contains(await session.ViolationsAsync(), v => v.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Null(await session.Page.EvaluateAsync<int?>("() => window.ran ?? null"));
    }

    /// <summary>Tabs until the element with <paramref name="id"/> has focus, at most 40 times.</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.id") == id) return;
        }
        Assert.Fail($"#{id} cannot be reached with the Tab key.");
    }

    /// <summary>A valid code and the code with one B/8, S/5, Z/2 or G/6 swapped, when only that swap fits.</summary>
    private static (string Code, string Mistyped) Confusable()
    {
        var swaps = new Dictionary<char, char> { ['B'] = '8', ['8'] = 'B', ['S'] = '5', ['5'] = 'S', ['Z'] = '2',
            ['2'] = 'Z', ['G'] = '6', ['6'] = 'G' };
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var code = ClaimCode.Generate().Display;
            var fits = Enumerable.Range(0, code.Length).Where(i => swaps.ContainsKey(code[i]))
                .Select(i => code[..i] + swaps[code[i]] + code[(i + 1)..]).ToList();
            var typos = fits.Where(t => ClaimCode.Parse(t).Code is null).ToList();
            foreach (var typo in typos)
            {
                var back = Enumerable.Range(0, typo.Length).Where(i => swaps.ContainsKey(typo[i]))
                    .Select(i => typo[..i] + swaps[typo[i]] + typo[(i + 1)..])
                    .Where(c => ClaimCode.Parse(c).Code is not null).Distinct().ToList();
                if (back.Count == 1 && back[0] == code) return (code, typo);
            }
        }
        throw new InvalidOperationException("No confusable code found.");
    }
}
