namespace Gifting.Integration.Tests.Money;

[Collection(CosmosCollection.Name)]
public sealed class PromotionalCreditTests(CosmosFixture cosmos) : IDisposable
{
    // A lead of a second lets a test grant a lot and see it expire without waiting minutes.
    private readonly GiftingFactory _app = new(cosmos, settings: new Dictionary<string, string>
    {
        ["Promotions:MinimumLead"] = "00:00:01",
        ["Promotions:ExpiryMaxLotsPerRun"] = "50",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Grant_ThenExpiryTimerRunThreeTimes_ExpiresOnce()
    {
        var account = Api.NewId("shopper");
        var shopper = _app.ClientFor(account, "customer");
        var promotions = _app.ClientFor("promo-1", "promotions");
        var grantId = Api.NewId("grant");
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var body = new { grantId, amount = new { amount = 800, currency = "USD" }, expiresAt, reason = "apology" };

        using var granted = await promotions.PostJsonAsync($"/api/accounts/{account}/promotional-credits", body);
        using var again = await promotions.PostJsonAsync($"/api/accounts/{account}/promotional-credits", body);
        var before = await (await shopper.GetAsync("/api/balance")).JsonAsync();
        await Task.Delay(expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(0.5));
        var handler = _app.CreateClient();
        var runs = new List<int>();
        for (var i = 0; i < 3; i++)
            runs.Add((int)(await handler.InvokeAsync("ExpirePromotionalCredits", HostPayloads.Timer("timer")))
                .StatusCode);
        var after = await (await shopper.GetAsync("/api/balance")).JsonAsync();
        var activity = await (await shopper.GetAsync("/api/balance/activity")).JsonAsync();

        Assert.Equal(201, (int)granted.StatusCode);
        Assert.Equal(201, (int)again.StatusCode);
        Assert.Equal(800, before.GetProperty("promotional").GetProperty("amount").GetInt64());
        Assert.Equal([200, 200, 200], runs);
        Assert.Equal(0, after.GetProperty("promotional").GetProperty("amount").GetInt64());
        Assert.Equal(["promo_expiry", "promo_grant"],
            activity.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Expire_WhenMoreIsDueThanARunMayTake_ReadsPageByPageAndSaysTheNextRunCarriesOn()
    {
        var promotions = _app.ClientFor("promo-1", "promotions");
        var accounts = Enumerable.Range(0, 120).Select(_ => Api.NewId("shopper")).ToList();
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(8);
        foreach (var account in accounts)
        {
            var body = new
            {
                grantId = Api.NewId("grant"), amount = new { amount = 100, currency = "USD" }, expiresAt,
                reason = "launch"
            };
            using var granted = await promotions.PostJsonAsync($"/api/accounts/{account}/promotional-credits", body);
            Assert.Equal(201, (int)granted.StatusCode);
        }
        await Task.Delay(expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(0.5));
        var handler = _app.CreateClient();

        var logs = new List<string>();
        for (var run = 0; run < 4; run++)
        {
            using var response = await handler.InvokeAsync("ExpirePromotionalCredits", HostPayloads.Timer("timer"));
            logs.Add(string.Join(" ",
                (await response.JsonAsync()).GetProperty("Logs").EnumerateArray().Select(l => l.GetString())));
        }

        Assert.StartsWith("50 lots due", logs[0], StringComparison.Ordinal);
        Assert.Contains("the next run carries on", logs[0], StringComparison.Ordinal);
        Assert.DoesNotContain("the next run carries on", logs[^1], StringComparison.Ordinal);
        foreach (var account in accounts)
        {
            var balance = await (await _app.ClientFor(account, "customer").GetAsync("/api/balance")).JsonAsync();
            var activity =
                await (await _app.ClientFor(account, "customer").GetAsync("/api/balance/activity")).JsonAsync();
            Assert.Equal(0, balance.GetProperty("promotional").GetProperty("amount").GetInt64());
            Assert.Equal("promo_expiry", activity.GetProperty("items")[0].GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Grant_WithBadInput_Answers4xx()
    {
        var account = Api.NewId("shopper");
        var promotions = _app.ClientFor("promo-1", "promotions");
        var future = DateTimeOffset.UtcNow.AddDays(1);

        await (await promotions.PostJsonAsync($"/api/accounts/{account}/promotional-credits",
            new { grantId = "g1", amount = new { amount = 100, currency = "USD" },
                expiresAt = DateTimeOffset.UtcNow.AddDays(-1), reason = "x" }))
            .AssertProblemAsync(400, "validation_failed");
        await (await promotions.PostJsonAsync($"/api/accounts/{account}/promotional-credits",
            new { grantId = "g2", amount = new { amount = 100, currency = "EUR" }, expiresAt = future, reason = "x" }))
            .AssertProblemAsync(400, "validation_failed");
        await (await promotions.PostJsonAsync($"/api/accounts/{account}/promotional-credits",
            new { grantId = "g3", amount = new { amount = 100, currency = "EUR" }, expiresAt = future, reason = "x",
                marketplace = "US" }))
            .AssertProblemAsync(422, "currency_mismatch");
        await (await promotions.PostJsonAsync($"/api/accounts/{account}/promotional-credits",
            new { grantId = "g/4", amount = new { amount = 100, currency = "USD" }, expiresAt = future, reason = "x" }))
            .AssertProblemAsync(400, "validation_failed");
        await (await _app.ClientFor(account, "customer").PostJsonAsync($"/api/accounts/{account}/promotional-credits",
            new { grantId = "g5", amount = new { amount = 100, currency = "USD" }, expiresAt = future, reason = "x" }))
            .AssertProblemAsync(403, "forbidden");
    }
}
