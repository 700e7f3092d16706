namespace Gifting.Integration.Tests.Controls;

[Collection(CosmosCollection.Name)]
public sealed class ReviewListTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task HeldRedemptions_AreListedOldestFirstWithTheirRuleAndLeaveTheListOnceDecided()
    {
        using var app = new GiftingFactory(cosmos,
            settings: new Dictionary<string, string> { ["Redemption:Velocity:CodesPerHour"] = "2" });
        var support = app.ClientFor("help-1", "support");
        await DrainAsync(support);
        var account = Api.NewId("shopper");
        var shopper = app.ClientFor(account, "customer");
        var codes = (await app.ClientFor("issuer-1", "issuer").IssueAsync(count: 3, amount: 10_00))
            .Select(c => c.GetProperty("code").GetString()!).ToList();

        Assert.Equal(200, (int)(await shopper.RedeemAsync(codes[0])).StatusCode);
        Assert.Equal(202, (int)(await shopper.RedeemAsync(codes[1])).StatusCode);
        Assert.Equal(202, (int)(await shopper.RedeemAsync(codes[2])).StatusCode);

        var first = await (await support.GetAsync("/api/reviews?status=pending&limit=1")).JsonAsync();
        var item = first.GetProperty("items")[0];
        Assert.Equal((account, "hourly_codes"), (item.GetProperty("accountId").GetString(),
            item.GetProperty("rule").GetString()));
        Assert.Equal(10_00, item.GetProperty("value").GetProperty("amount").GetInt64());
        Assert.Equal(4, item.GetProperty("last4").GetString()!.Length);
        Assert.False(string.IsNullOrEmpty(item.GetProperty("reason").GetString()));
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var second = await (await support.GetAsync($"/api/reviews?limit=1&cursor={cursor}")).JsonAsync();
        var next = second.GetProperty("items")[0];
        Assert.NotEqual(item.GetProperty("serial").GetString(), next.GetProperty("serial").GetString());
        Assert.True(item.GetProperty("heldAt").GetDateTimeOffset() <= next.GetProperty("heldAt").GetDateTimeOffset());

        using var approved = await support.PostJsonAsync(
            $"/api/cards/{item.GetProperty("serial").GetString()}/review", new { decision = "approve" });
        Assert.Equal(200, (int)approved.StatusCode);
        var left = await (await support.GetAsync("/api/reviews")).JsonAsync();
        Assert.Equal([next.GetProperty("serial").GetString()],
            left.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("serial").GetString()).ToList());
        await (await support.GetAsync("/api/reviews?cursor=%%%")).AssertProblemAsync(400, "validation_failed");
        await (await support.GetAsync("/api/reviews?status=decided")).AssertProblemAsync(400, "validation_failed");
    }

    /// <summary>Other tests in the collection hold cards too: decline them, so this test sees only its own.</summary>
    private static async Task DrainAsync(HttpClient support)
    {
        var page = await (await support.GetAsync("/api/reviews?limit=100")).JsonAsync();
        foreach (var item in page.GetProperty("items").EnumerateArray())
            using (await support.PostJsonAsync($"/api/cards/{item.GetProperty("serial").GetString()}/review",
                new { decision = "decline" })) { }
    }
}
