namespace Gifting.Integration.Tests.Http;

[Collection(CosmosCollection.Name)]
public sealed class IdempotencyTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Replay_ReturnsFirstStatusAndBody()
    {
        var code = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 900))[0].GetProperty("code").GetString()!;
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        var key = Api.NewId("key");

        using var first = await shopper.RedeemAsync(code, key);
        using var replay = await shopper.RedeemAsync(code, key);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(first.StatusCode, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(900, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task SameKeyWithAnotherBody_Returns422AndChangesNothing()
    {
        var codes = await _app.ClientFor("issuer-1", "issuer").IssueAsync(count: 2, amount: 100);
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        var key = Api.NewId("key");

        Assert.Equal(200, (int)(await shopper.RedeemAsync(codes[0].GetProperty("code").GetString()!, key)).StatusCode);
        using var mismatch = await shopper.RedeemAsync(codes[1].GetProperty("code").GetString()!, key);

        await mismatch.AssertProblemAsync(422, "idempotency_key_mismatch");
        Assert.Equal(100, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task IssueReplay_ListsTheSameCardsWithoutCodes()
    {
        var issuer = _app.ClientFor("issuer-1", "issuer");
        var body = new { count = 2, value = new { amount = 500, currency = "USD" }, marketplace = "US", kind = "digital" };
        var key = Api.NewId("issue");

        using var first = await issuer.PostJsonAsync("/api/cards", body, key);
        using var replay = await issuer.PostJsonAsync("/api/cards", body, key);

        Assert.Equal(201, (int)replay.StatusCode);
        var firstCards = (await first.JsonAsync()).GetProperty("cards").EnumerateArray().ToArray();
        var replayCards = (await replay.JsonAsync()).GetProperty("cards").EnumerateArray().ToArray();
        Assert.Equal(firstCards.Select(c => c.GetProperty("serial").GetString()), replayCards.Select(c => c.GetProperty("serial").GetString()));
        Assert.All(firstCards, c => Assert.True(c.TryGetProperty("code", out _)));
        Assert.All(replayCards, c => Assert.False(c.TryGetProperty("code", out _)));
    }

    [Fact]
    public async Task Key_IsRequiredWhereTheContractSaysAndBounded()
    {
        var issuer = _app.ClientFor("issuer-1", "issuer");
        var body = new { count = 1, value = new { amount = 500, currency = "USD" }, marketplace = "US", kind = "digital" };

        await (await issuer.PostJsonAsync("/api/cards", body)).AssertProblemAsync(400, "idempotency_key_required");
        await (await issuer.PostJsonAsync("/api/cards", body, new string('k', 256))).AssertProblemAsync(400, "invalid_idempotency_key");
    }
}
