namespace Gifting.Integration.Tests.Funding;

[Collection(CosmosCollection.Name)]
public sealed class FundingTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Funding_AddedByAnAdmin_IsWhatTheOrgsPeopleSee_AndNoOtherOrg()
    {
        var org = Api.NewId("org");
        using var added = await AddAsync(org, 500_00, Api.NewId("fund"));
        using var more = await AddAsync(org, 250_00, Api.NewId("fund"));

        Assert.Equal(201, (int)added.StatusCode);
        var body = await more.JsonAsync();
        Assert.Equal(org, body.GetProperty("org").GetString());
        Assert.Equal(250_00, body.GetProperty("amount").GetProperty("amount").GetInt64());
        Assert.Equal("PO-1", body.GetProperty("reference").GetString());
        Assert.Equal(750_00, body.GetProperty("available").GetProperty("amount").GetInt64());
        var funding = await (await Buyer(org).GetAsync("/api/funding")).JsonAsync();
        Assert.Equal(org, funding.GetProperty("org").GetString());
        Assert.Equal(750_00, funding.GetProperty("available").GetProperty("amount").GetInt64());
        Assert.Equal("USD", funding.GetProperty("available").GetProperty("currency").GetString());
        var other = await (await Buyer(Api.NewId("org"), "GB").GetAsync("/api/funding")).JsonAsync();
        Assert.Equal(0, other.GetProperty("available").GetProperty("amount").GetInt64());
        Assert.Equal("GBP", other.GetProperty("available").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Funding_ReplayedWithItsKey_AddsOnce_AndAnotherBodyUnderTheKeyIsRefused()
    {
        var org = Api.NewId("org");
        var key = Api.NewId("fund");

        using var first = await AddAsync(org, 100_00, key);
        using var replay = await AddAsync(org, 100_00, key);
        using var changed = await AddAsync(org, 900_00, key);

        Assert.Equal(201, (int)replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        await changed.AssertProblemAsync(422, "idempotency_key_mismatch");
        Assert.Equal(100_00, await AvailableAsync(org));
    }

    [Fact]
    public async Task Funding_OfAnOrg_NeverMeetsTheBalanceOfAShopperWhoseSubIsTheOrgsId()
    {
        var (shopper, account) = await _app.FundedShopperAsync(5_00);

        using var added = await AddAsync(account, 1_000_00, Api.NewId("fund"));

        Assert.Equal(201, (int)added.StatusCode);
        Assert.Equal(5_00, await shopper.GiftBalanceAsync());
        Assert.Equal(1_000_00, await AvailableAsync(account));
    }

    [Fact]
    public async Task Funding_ForACorporateTokenWithoutAnOrg_IsRefusedNamingTheClaim()
    {
        var problem = await (await _app.ClientFor("buyer-1", "corporate").GetAsync("/api/funding"))
            .AssertProblemAsync(403, "forbidden");

        Assert.Contains("org", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Funding_ForOtherRoles_IsForbidden()
    {
        var org = Api.NewId("org");

        await (await _app.ClientFor("shopper-1", "customer", org: org).GetAsync("/api/funding"))
            .AssertProblemAsync(403, "forbidden");
        await (await Buyer(org).PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 100, currency = "USD" }, reference = "PO-1" }))
            .AssertProblemAsync(403, "forbidden");
        await (await _app.CreateClient().GetAsync("/api/funding")).AssertProblemAsync(401, "unauthorized");
        Assert.Equal(0, await AvailableAsync(org));
    }

    [Fact]
    public async Task Funding_InAnotherCurrencyThanTheFirst_IsRefusedAndChangesNothing()
    {
        var org = Api.NewId("org");
        await AddAsync(org, 100_00, Api.NewId("fund"), "EUR");

        await (await AddAsync(org, 100_00, Api.NewId("fund"), "USD")).AssertProblemAsync(422, "currency_mismatch");

        Assert.Equal(100_00, await AvailableAsync(org));
    }

    [Fact]
    public async Task Funding_AboveTheConfiguredMaximum_IsRefused()
    {
        using var app = new GiftingFactory(cosmos,
            settings: new Dictionary<string, string> { ["Funding:MaxAmount"] = "1000" });
        var org = Api.NewId("org");
        var admin = app.ClientFor("admin-1", "admin");

        await (await admin.PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 1001, currency = "USD" }, reference = "PO-1" }))
            .AssertProblemAsync(400, "validation_failed");
        using var atLimit = await admin.PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 1000, currency = "USD" }, reference = "PO-1" });

        Assert.Equal(201, (int)atLimit.StatusCode);
    }

    [Fact]
    public async Task DevToken_WithAnOrg_ActsForThatOrg()
    {
        var org = Api.NewId("org");
        using var issued = await _app.CreateClient().PostJsonAsync("/api/dev/tokens",
            new { sub = "buyer-1", roles = new[] { "corporate" }, org });
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", (await issued.JsonAsync()).GetProperty("token").GetString());

        var funding = await (await client.GetAsync("/api/funding")).JsonAsync();

        Assert.Equal(org, funding.GetProperty("org").GetString());
    }

    [Fact]
    public async Task DevToken_WithABadOrg_IsRefused()
    {
        using var response = await _app.CreateClient().PostJsonAsync("/api/dev/tokens",
            new { sub = "buyer-1", roles = new[] { "corporate" }, org = "a/b" });

        await response.AssertProblemAsync(400, "validation_failed");
    }

    private HttpClient Buyer(string org, string marketplace = "US") =>
        _app.ClientFor("buyer-1", "corporate", marketplace, org);

    private Task<HttpResponseMessage> AddAsync(string org, long amount, string? key, string currency = "USD") =>
        _app.ClientFor("admin-1", "admin").PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount, currency }, reference = "PO-1" }, key);

    private async Task<long> AvailableAsync(string org) =>
        (await (await Buyer(org).GetAsync("/api/funding")).JsonAsync())
            .GetProperty("available").GetProperty("amount").GetInt64();
}
