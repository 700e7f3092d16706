namespace Gifting.Integration.Tests.Http;

/// <summary>Bad input gets a 4xx problem with a stable code, never a 500, and changes nothing.</summary>
[Collection(CosmosCollection.Name)]
public sealed class BadInputTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, int, string> RedemptionBodies => new()
    {
        { "{", 400, "invalid_json" },
        { "not json at all", 400, "invalid_json" },
        { "[]", 400, "invalid_json" },
        { "{\"code\": 12345}", 400, "invalid_json" },
        { "{\"code\": {\"nested\": true}}", 400, "invalid_json" },
        { "{}", 400, "invalid_json" },
        { "{\"code\": null}", 400, "invalid_json" },
        { "{\"code\": \"\"}", 400, "invalid_code" },
        { "{\"code\": \"" + new string('A', 60000) + "\"}", 400, "invalid_code" },
        { "{\"code\": \"" + new string('A', 70000) + "\"}", 413, "payload_too_large" },
        { "{\"code\": \"\\u0000\\uFFFF\"}", 400, "invalid_code" },
    };

    public static TheoryData<string, string> IssueBodies => new()
    {
        { "{\"count\": 0, \"value\": {\"amount\": 100, \"currency\": \"USD\"}, "
            + "\"marketplace\": \"US\", \"kind\": \"digital\"}", "validation_failed" },
        { "{\"count\": 1001, \"value\": {\"amount\": 100, \"currency\": \"USD\"}, "
            + "\"marketplace\": \"US\", \"kind\": \"digital\"}", "validation_failed" },
        { "{\"count\": 1, \"value\": {\"amount\": -5, \"currency\": \"USD\"}, "
            + "\"marketplace\": \"US\", \"kind\": \"digital\"}", "validation_failed" },
        { "{\"count\": 1, \"value\": {\"amount\": 100, \"currency\": \"EUR\"}, "
            + "\"marketplace\": \"US\", \"kind\": \"digital\"}", "validation_failed" },
        { "{\"count\": 1, \"value\": {\"amount\": 100, \"currency\": \"usd\"}, "
            + "\"marketplace\": \"US\", \"kind\": \"digital\"}", "validation_failed" },
        { "{\"count\": 1, \"value\": {\"amount\": 100, \"currency\": \"USD\"}, "
            + "\"marketplace\": \"ZZ\", \"kind\": \"digital\"}", "validation_failed" },
        { "{\"count\": 1, \"value\": {\"amount\": 100, \"currency\": \"USD\"}, "
            + "\"marketplace\": \"US\", \"kind\": \"plastic\"}", "validation_failed" },
        { "{\"count\": 1, \"value\": {\"amount\": 1.5, \"currency\": \"USD\"}, "
            + "\"marketplace\": \"US\", \"kind\": \"digital\"}", "invalid_json" },
        { "{\"count\": \"1\", \"value\": {\"amount\": 100, \"currency\": \"USD\"}, "
            + "\"marketplace\": \"US\", \"kind\": \"digital\"}", "invalid_json" },
        { "{\"count\": 1, \"marketplace\": \"US\", \"kind\": \"digital\"}", "invalid_json" },
        { "{\"count\": 99999999999, \"value\": {\"amount\": 100, \"currency\": \"USD\"}, "
            + "\"marketplace\": \"US\", \"kind\": \"digital\"}", "invalid_json" },
    };

    [Theory]
    [MemberData(nameof(RedemptionBodies))]
    public async Task Redeem_WithBadBody_AnswersProblemAndChangesNothing(string body, int status, string code)
    {
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");

        using var response = await shopper.PostRawAsync("/api/redemptions", body);

        await response.AssertProblemAsync(status, code);
        Assert.Equal(0, await shopper.GiftBalanceAsync());
        Assert.Empty((await (await shopper.GetAsync("/api/balance/activity")).JsonAsync())
            .GetProperty("items").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(IssueBodies))]
    public async Task Issue_WithBadBody_AnswersProblemAndCreatesNothing(string body, string code)
    {
        var issuer = _app.ClientFor("issuer-1", "issuer");
        var before = await CountCardsAsync();

        using var response = await issuer.PostRawAsync("/api/cards", body, Api.NewId("bad"));

        await response.AssertProblemAsync(400, code);
        Assert.Equal(before, await CountCardsAsync());
    }

    [Theory]
    [InlineData("/api/balance/activity?limit=0")]
    [InlineData("/api/balance/activity?limit=101")]
    [InlineData("/api/balance/activity?limit=abc")]
    [InlineData("/api/balance/activity?limit=99999999999999")]
    [InlineData("/api/balance/activity?cursor=%%%")]
    [InlineData("/api/balance/activity?cursor=YmVmb3JlOi0x")]
    public async Task Activity_WithBadQuery_Answers400(string path)
    {
        using var response = await _app.ClientFor(Api.NewId("shopper"), "customer").GetAsync(path);

        await response.AssertProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Preferences_WithMissingMember_Answers400AndKeepsDefaults()
    {
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");

        using var bad = await shopper.PutAsync("/api/balance/preferences",
            new StringContent("{\"applyToOrders\": false}", System.Text.Encoding.UTF8, "application/json"));
        using var good = await shopper.PutAsync("/api/balance/preferences",
            new StringContent(
                "{\"applyToOrders\": false, \"applyToSubscriptions\": true}", System.Text.Encoding.UTF8,
                "application/json"));
        var stored = await (await shopper.GetAsync("/api/balance/preferences")).JsonAsync();

        await bad.AssertProblemAsync(400, "invalid_json");
        Assert.Equal(200, (int)good.StatusCode);
        Assert.False(stored.GetProperty("applyToOrders").GetBoolean());
        Assert.True(stored.GetProperty("applyToSubscriptions").GetBoolean());
    }

    private async Task<int> CountCardsAsync()
    {
        var containers = cosmos.Containers();
        var count = 0;
        using var feed = containers.Cards.GetItemQueryIterator<System.Text.Json.JsonElement>((string?)null);
        while (feed.HasMoreResults) count += (await feed.ReadNextAsync()).Count;
        return count;
    }
}
