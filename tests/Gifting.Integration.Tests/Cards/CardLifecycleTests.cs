namespace Gifting.Integration.Tests.Cards;

[Collection(CosmosCollection.Name)]
public sealed class CardLifecycleTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task PhysicalCard_IsRedeemableOnlyAfterActivationAtTheTill()
    {
        var card = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(kind: "physical", amount: 3000))[0];
        var serial = card.GetProperty("serial").GetString()!;
        var code = card.GetProperty("code").GetString()!;
        var retailer = _app.ClientFor("store-42", "retailer");
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        Assert.Equal("inactive", card.GetProperty("status").GetString());

        await (await shopper.RedeemAsync(code)).AssertProblemAsync(409, "card_not_activated");
        using var activated = await retailer.PostJsonAsync($"/api/cards/{serial}/activation",
            new { retailerId = "store-42", receiptRef = "r-1" });
        using var repeated = await retailer.PostJsonAsync($"/api/cards/{serial}/activation",
            new { retailerId = "store-42", receiptRef = "r-1" });
        using var other = await _app.ClientFor("store-9", "retailer").PostJsonAsync($"/api/cards/{serial}/activation",
            new { retailerId = "store-9" });

        Assert.Equal(200, (int)activated.StatusCode);
        Assert.Equal("active", (await activated.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(200, (int)repeated.StatusCode);
        await other.AssertProblemAsync(409, "card_already_active");
        Assert.Equal(200, (int)(await shopper.RedeemAsync(code)).StatusCode);
        await (await retailer.PostJsonAsync($"/api/cards/{serial}/activation", new { retailerId = "store-42" }))
            .AssertProblemAsync(409, "already_redeemed");
    }

    [Fact]
    public async Task Cancellation_StopsRedemptionAndIsRefusedOnceRedeemed()
    {
        var cards = await _app.ClientFor("issuer-1", "issuer").IssueAsync(count: 2);
        var admin = _app.ClientFor("admin-1", "admin");
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        string Serial(int i) => cards[i].GetProperty("serial").GetString()!;

        using var cancelled = await admin.PostAsync($"/api/cards/{Serial(0)}/cancellation", null);
        Assert.Equal(200, (int)cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.JsonAsync()).GetProperty("status").GetString());
        await (await shopper.RedeemAsync(cards[0].GetProperty("code").GetString()!))
            .AssertProblemAsync(400, "invalid_code");

        Assert.Equal(200, (int)(await shopper.RedeemAsync(cards[1].GetProperty("code").GetString()!)).StatusCode);
        await (await admin.PostAsync($"/api/cards/{Serial(1)}/cancellation", null))
            .AssertProblemAsync(409, "already_redeemed");
    }

    [Fact]
    public async Task Lookup_BySerial_ShowsLast4NeverTheCode()
    {
        var card = (await _app.ClientFor("issuer-1", "issuer").IssueAsync())[0];
        var support = _app.ClientFor("support-1", "support");

        using var found = await support.GetAsync($"/api/cards/{card.GetProperty("serial").GetString()}");
        var text = await found.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)found.StatusCode);
        Assert.Contains(card.GetProperty("last4").GetString()!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(card.GetProperty("code").GetString()!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("code", (await found.JsonAsync()).EnumerateObject().Select(p => p.Name));
        await (await support.GetAsync("/api/cards/0000000000000000")).AssertProblemAsync(404, "card_not_found");
    }

    [Fact]
    public async Task Roles_AreEnforced()
    {
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");

        await (await _app.CreateClient().GetAsync("/api/balance")).AssertProblemAsync(401, "unauthorized");
        await (await shopper.PostJsonAsync("/api/cards", new { count = 1 }, "k")).AssertProblemAsync(403, "forbidden");
        await (await shopper.GetAsync("/api/cards/0000000000000000")).AssertProblemAsync(403, "forbidden");
        await (await _app.ClientFor("issuer-1", "issuer").GetAsync("/api/balance"))
            .AssertProblemAsync(403, "forbidden");
    }
}
