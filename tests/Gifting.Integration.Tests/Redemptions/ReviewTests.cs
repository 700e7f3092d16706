namespace Gifting.Integration.Tests.Redemptions;

[Collection(CosmosCollection.Name)]
public sealed class ReviewTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app =
        new(cosmos, settings: new Dictionary<string, string> { ["Redemption:ReviewThresholds:USD"] = "50000" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Redeem_WhenFraudRuleHolds_Answers202UntilSupportApproves()
    {
        var card = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 60000))[0];
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        var support = _app.ClientFor("support-1", "support");
        var serial = card.GetProperty("serial").GetString()!;

        using var held = await shopper.RedeemAsync(card.GetProperty("code").GetString()!);
        var pending = await (await shopper.GetAsync("/api/balance")).JsonAsync();
        using var approved = await support.PostJsonAsync($"/api/cards/{serial}/review", new { decision = "approve" });
        var after = await (await shopper.GetAsync("/api/balance")).JsonAsync();

        Assert.Equal(202, (int)held.StatusCode);
        Assert.Equal("pending_review", (await held.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(0, pending.GetProperty("available").GetProperty("amount").GetInt64());
        Assert.Equal(60000, pending.GetProperty("pendingReview").GetProperty("amount").GetInt64());
        Assert.Equal(200, (int)approved.StatusCode);
        Assert.Equal(60000, after.GetProperty("gift").GetProperty("amount").GetInt64());
        Assert.Equal(0, after.GetProperty("pendingReview").GetProperty("amount").GetInt64());
        await (await support.PostJsonAsync($"/api/cards/{serial}/review", new { decision = "maybe" }))
            .AssertProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Review_WhenCardNotHeld_Answers409()
    {
        var card = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 100))[0];

        using var response = await _app.ClientFor("admin-1", "admin")
            .PostJsonAsync($"/api/cards/{card.GetProperty("serial").GetString()}/review", new { decision = "decline" });

        await response.AssertProblemAsync(409, "not_under_review");
    }

    [Fact]
    public async Task ApproveAndDecline_WhenSentTogether_OneAnswers200AndTheOther409()
    {
        var (serial, shopper) = await HoldAsync();
        var support = _app.ClientFor("support-1", "support");
        var admin = _app.ClientFor("admin-1", "admin");

        var answers = await Task.WhenAll(
            support.PostJsonAsync($"/api/cards/{serial}/review", new { decision = "approve" }),
            admin.PostJsonAsync($"/api/cards/{serial}/review", new { decision = "decline" }));

        var winner = Assert.Single(answers, a => (int)a.StatusCode == 200);
        await Assert.Single(answers, a => a != winner).AssertProblemAsync(409, "not_under_review");
        var approved = winner == answers[0];
        Assert.Equal(approved ? "redeemed" : "cancelled", (await winner.JsonAsync()).GetProperty("status").GetString());
        var balance = await (await shopper.GetAsync("/api/balance")).JsonAsync();
        Assert.Equal(approved ? 60000 : 0, balance.GetProperty("gift").GetProperty("amount").GetInt64());
        Assert.Equal(0, balance.GetProperty("pendingReview").GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task Review_WhenAlreadyDecided_AnswersTheSameReviewer200AndAnyoneElse409()
    {
        var (serial, _) = await HoldAsync();
        var support = _app.ClientFor("support-1", "support");

        using var declined = await support.PostJsonAsync($"/api/cards/{serial}/review", new { decision = "decline" });
        using var repeated = await support.PostJsonAsync($"/api/cards/{serial}/review", new { decision = "decline" });

        Assert.Equal(200, (int)declined.StatusCode);
        Assert.Equal("cancelled", (await repeated.JsonAsync()).GetProperty("status").GetString());
        await (await support.PostJsonAsync($"/api/cards/{serial}/review", new { decision = "approve" }))
            .AssertProblemAsync(409, "not_under_review");
        await (await _app.ClientFor("admin-1", "admin")
                .PostJsonAsync($"/api/cards/{serial}/review", new { decision = "decline" }))
            .AssertProblemAsync(409, "not_under_review");
    }

    private async Task<(string Serial, HttpClient Shopper)> HoldAsync()
    {
        var card = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 60000))[0];
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        using var held = await shopper.RedeemAsync(card.GetProperty("code").GetString()!);
        Assert.Equal(202, (int)held.StatusCode);
        return (card.GetProperty("serial").GetString()!, shopper);
    }
}
