using System.Text.RegularExpressions;

namespace Gifting.Integration.Tests.Http;

/// <summary>
/// <c>GET /redeem</c> and its files, as any client sees them: the headers a page that moves money needs, no inline
/// script or style for the policy to allow, and sign-in as each environment sets it.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed partial class RedeemPageTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task Page_CarriesAStrictPolicy_NoSniffing_AndNoReferrer()
    {
        using var app = new GiftingFactory(cosmos);

        using var page = await app.CreateClient().GetAsync("/redeem?t=AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ApiAnswers_AlsoRefuseFramingSniffingAndReferrers()
    {
        using var app = new GiftingFactory(cosmos);

        using var health = await app.CreateClient().GetAsync("/api/health");
        using var missing = await app.CreateClient().GetAsync("/api/no-such-route");

        foreach (var response in new[] { health, missing })
        {
            Assert.Equal("default-src 'none'; frame-ancestors 'none'",
                response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Page_HasNoInlineScriptOrStyle_AndEveryFileItNamesIsServed()
    {
        using var app = new GiftingFactory(cosmos);
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/redeem");

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch("<style|style=", html);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
        var files = AssetPath().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(["/redeem/assets/redeem.css", "/redeem/assets/redeem.js"], files.Order());
        foreach (var file in files.Append("/redeem/assets/claim-code.js"))
        {
            using var response = await client.GetAsync(file);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal(file.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript",
                response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Assets_AnswerOnlyTheirOwnNames_AndNotModifiedToTheirETag()
    {
        using var app = new GiftingFactory(cosmos);
        var client = app.CreateClient();

        using var script = await client.GetAsync("/redeem/assets/redeem.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/redeem/assets/redeem.js");
        request.Headers.TryAddWithoutValidation("If-None-Match", script.Headers.ETag!.Tag);
        using var again = await client.SendAsync(request);
        using var other = await client.GetAsync("/redeem/assets/redeem.html");
        using var climbing = await client.GetAsync("/redeem/assets/..%2F..%2Fhost.json");

        Assert.Equal(304, (int)again.StatusCode);
        Assert.Equal(404, (int)other.StatusCode);
        Assert.Equal(404, (int)climbing.StatusCode);
    }

    [Fact]
    public async Task SignIn_IsTheTestShopperLocally_TheConfiguredProviderInAzure_AndSaysSoWhenThereIsNone()
    {
        using var local = new GiftingFactory(cosmos);
        using var azure = GiftingFactory.Production(cosmos, new()
        {
            ["ServiceBus:FullyQualifiedNamespace"] = "gifting.servicebus.windows.net",
            ["SignIn:ClientId"] = "redeem-page", ["SignIn:Scope"] = "openid api://gifting/redeem",
        });
        using var unset = GiftingFactory.Production(cosmos,
            new() { ["ServiceBus:FullyQualifiedNamespace"] = "gifting.servicebus.windows.net" });

        var localPage = await local.CreateClient().GetStringAsync("/redeem");
        using var azurePage = await azure.CreateClient().GetAsync("/redeem");
        var unsetPage = await unset.CreateClient().GetStringAsync("/redeem");

        Assert.Contains("<meta name=\"gifting-sign-in\" content=\"local\">", localPage, StringComparison.Ordinal);
        var html = await azurePage.Content.ReadAsStringAsync();
        Assert.Contains("<meta name=\"gifting-sign-in\" content=\"oidc\">", html, StringComparison.Ordinal);
        Assert.Contains("content=\"https://login.example.invalid/tenant/v2.0\"", html, StringComparison.Ordinal);
        Assert.Contains("content=\"redeem-page\"", html, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://login.example.invalid;",
            azurePage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<meta name=\"gifting-sign-in\" content=\"none\">", unsetPage, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"/redeem/assets/[a-z-]+\.(js|css)")]
    private static partial Regex AssetPath();
}
