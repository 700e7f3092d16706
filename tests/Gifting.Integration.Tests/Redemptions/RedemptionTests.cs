using Gifting.Core.Codes;

namespace Gifting.Integration.Tests.Redemptions;

[Collection(CosmosCollection.Name)]
public sealed class RedemptionTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Redeem_WhenCodeTypedCarelessly_CreditsBalanceAndShowsActivity()
    {
        var card = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 2500))[0];
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        var typed = card.GetProperty("code").GetString()!.ToLowerInvariant().Replace('-', ' ').Replace('0', 'o');

        using var response = await shopper.RedeemAsync(typed);

        Assert.Equal(200, (int)response.StatusCode);
        var body = await response.JsonAsync();
        Assert.StartsWith("rdm_", body.GetProperty("redemptionId").GetString());
        Assert.Equal(card.GetProperty("last4").GetString(), body.GetProperty("card").GetProperty("last4").GetString());
        Assert.Equal(2500, body.GetProperty("balance").GetProperty("available").GetProperty("amount").GetInt64());
        Assert.Equal(2500, await shopper.GiftBalanceAsync());
        var activity = await (await shopper.GetAsync("/api/balance/activity")).JsonAsync();
        var entry = Assert.Single(activity.GetProperty("items").EnumerateArray());
        Assert.Equal("redemption", entry.GetProperty("type").GetString());
        Assert.Equal(2500, entry.GetProperty("balanceAfter").GetProperty("gift").GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task Redeem_OwnCodeAgain_Answers409RedeemedByYouWithTheFirstRedemption_AndOthersTheBareProblem()
    {
        var code = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 2500))[0]
            .GetProperty("code").GetString()!;
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        var other = _app.ClientFor(Api.NewId("other"), "customer");
        using var first = await shopper.RedeemAsync(code);
        var redemptionId = (await first.JsonAsync()).GetProperty("redemptionId").GetString();

        using var again = await shopper.RedeemAsync(code.ToLowerInvariant());
        using var theirs = await other.RedeemAsync(code);

        var mine = await again.AssertProblemAsync(409, "already_redeemed");
        Assert.True(mine.GetProperty("redeemedByYou").GetBoolean());
        Assert.Equal(redemptionId, mine.GetProperty("redemptionId").GetString());
        var activity = await (await shopper.GetAsync("/api/balance/activity")).JsonAsync();
        var entry = Assert.Single(activity.GetProperty("items").EnumerateArray());
        Assert.Equal(entry.GetProperty("occurredAt").GetDateTimeOffset(),
            mine.GetProperty("redeemedAt").GetDateTimeOffset());
        var bare = await theirs.AssertProblemAsync(409, "already_redeemed");
        Assert.False(bare.TryGetProperty("redeemedByYou", out _));
        Assert.False(bare.TryGetProperty("redemptionId", out _));
        Assert.False(bare.TryGetProperty("redeemedAt", out _));
        Assert.Equal(2500, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task Redeem_ReplayedWithItsIdempotencyKey_ReplaysThe200_WhileAKeylessRepeatIs409()
    {
        var code = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 2500))[0]
            .GetProperty("code").GetString()!;
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        var key = Api.NewId("key");

        using var first = await shopper.RedeemAsync(code, key);
        using var replay = await shopper.RedeemAsync(code, key);
        using var keyless = await shopper.RedeemAsync(code);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        await keyless.AssertProblemAsync(409, "already_redeemed");
        Assert.Equal(2500, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task Activity_WhenMoreThanOnePage_PagesNewestFirstWithCursor()
    {
        // Four codes: a fifth within the hour would be held by the velocity rule (design section 25).
        var cards = await _app.ClientFor("issuer-1", "issuer").IssueAsync(count: 4, amount: 100);
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        foreach (var card in cards)
            Assert.Equal(200, (int)(await shopper.RedeemAsync(card.GetProperty("code").GetString()!)).StatusCode);

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await (await shopper.GetAsync(
                "/api/balance/activity?limit=3" + (cursor is null ? "" : "&cursor=" + cursor))).JsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("balanceAfter").GetProperty("gift").GetProperty("amount").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal([400L, 300, 200, 100], seen);
    }

    [Fact]
    public async Task Redeem_WhenOneCodeRacedByHundredAccounts_OneWinsAndIsCreditedOnce()
    {
        var code = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 5000))[0]
            .GetProperty("code").GetString()!;
        var shoppers = Enumerable.Range(0, 100).Select(_ => _app.ClientFor(Api.NewId("racer"), "customer")).ToArray();

        var statuses = await Task.WhenAll(shoppers.Select(async s => (int)(await s.RedeemAsync(code)).StatusCode));
        var balances = await Task.WhenAll(shoppers.Select(s => s.GiftBalanceAsync()));

        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.Equal(99, statuses.Count(s => s == 409));
        Assert.Equal(5000, balances.Sum());
        Assert.Equal(1, balances.Count(b => b == 5000));
    }

    [Fact]
    public async Task Redeem_WhenCodeFromAnotherMarketplace_ReturnsRegionMismatch()
    {
        var code = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(marketplace: "DE", currency: "EUR"))[0]
            .GetProperty("code").GetString()!;

        using var response = await _app.ClientFor(Api.NewId("shopper"), "customer", "US").RedeemAsync(code);

        await response.AssertProblemAsync(422, "region_mismatch");
    }

    [Fact]
    public async Task Redeem_WhenUnknownTypoOrJunk_AnswersInvalidCodeAlike()
    {
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        var unknown = ClaimCode.Generate().Display;
        var typo = unknown[..^1] + (unknown[^1] == 'A' ? 'B' : 'A');

        await (await shopper.RedeemAsync(unknown)).AssertProblemAsync(400, "invalid_code");
        var typoProblem = await (await shopper.RedeemAsync(typo)).AssertProblemAsync(400, "invalid_code");
        await (await shopper.RedeemAsync("not a code")).AssertProblemAsync(400, "invalid_code");
        Assert.Contains("mistyped", typoProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task Redeem_WhenFailuresExceedLimit_Returns429WithRetryAfter()
    {
        var shopper = _app.ClientFor(Api.NewId("guesser"), "customer");
        for (var i = 0; i < 5; i++)
            await (await shopper.RedeemAsync(ClaimCode.Generate().Display)).AssertProblemAsync(400, "invalid_code");
        var valid = (await _app.ClientFor("issuer-1", "issuer").IssueAsync())[0].GetProperty("code").GetString()!;

        using var blocked = await shopper.RedeemAsync(valid);

        await blocked.AssertProblemAsync(429, "too_many_attempts");
        Assert.True(blocked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(0, await shopper.GiftBalanceAsync());
    }
}
