using System.Text.Json;

namespace Gifting.Integration.Tests.Operators;

/// <summary>Support reads a shopper's balance, activity and a card's history.</summary>
[Collection(CosmosCollection.Name)]
public sealed class SupportViewTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app =
        new(cosmos, settings: new Dictionary<string, string> { ["Redemption:ReviewThresholds:USD"] = "50000" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AccountBalanceAndActivity_ForSupport_AnswerExactlyAsTheShoppersOwnRoutes()
    {
        var (shopper, account) = await _app.FundedShopperAsync(3000);
        await _app.PayAsync(account, 700, "order-a");
        await _app.PayAsync(account, 200, "order-b");
        var support = _app.ClientFor("help-1", "support");

        foreach (var (own, theirs) in new[]
        {
            ("/api/balance", $"/api/accounts/{account}/balance"),
            ("/api/balance/activity", $"/api/accounts/{account}/activity"),
            ("/api/balance/activity?limit=2", $"/api/accounts/{account}/activity?limit=2"),
        })
        {
            var mine = await (await shopper.GetAsync(own)).Content.ReadAsStringAsync();
            using var read = await support.GetAsync(theirs);
            Assert.Equal(200, (int)read.StatusCode);
            Assert.Equal(mine, await read.Content.ReadAsStringAsync());
        }
        var first = await (await support.GetAsync($"/api/accounts/{account}/activity?limit=2")).JsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var next = await (await shopper.GetAsync($"/api/balance/activity?limit=2&cursor={cursor}"))
            .Content.ReadAsStringAsync();
        Assert.Equal(next, await (await support.GetAsync(
            $"/api/accounts/{account}/activity?limit=2&cursor={cursor}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AccountRoutes_WhenIdCannotBeAnAccount_Answer404_AndBadPagingAnswers400()
    {
        var support = _app.ClientFor("help-1", "support");

        await (await support.GetAsync("/api/accounts/%20/balance")).AssertProblemAsync(404, "not_found");
        await (await support.GetAsync("/api/accounts/%20/activity")).AssertProblemAsync(404, "not_found");
        await (await support.GetAsync("/api/accounts/shopper-1/activity?limit=0"))
            .AssertProblemAsync(400, "validation_failed");
        await (await support.GetAsync("/api/accounts/shopper-1/activity?cursor=nonsense"))
            .AssertProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task CardHistory_OfAHeldThenApprovedPhysicalCard_ListsEveryStepWithWhoAndWhere_AndNoCode()
    {
        var card = (await _app.ClientFor("issuer-7", "issuer").IssueAsync(amount: 60000, kind: "physical"))[0];
        var serial = card.GetProperty("serial").GetString()!;
        var code = card.GetProperty("code").GetString()!;
        using var activated = await _app.ClientFor("store-3", "retailer").PostJsonAsync(
            $"/api/cards/{serial}/activation", new { retailerId = "store-3", receiptRef = "till-9" });
        var account = Api.NewId("shopper");
        using var held = await _app.ClientFor(account, "customer").RedeemAsync(code);
        var redemptionId = (await held.JsonAsync()).GetProperty("redemptionId").GetString();
        await _app.ClientFor("fraud-1", "support").PostJsonAsync($"/api/cards/{serial}/review",
            new { decision = "approve" });

        using var response = await _app.ClientFor("help-1", "support").GetAsync($"/api/cards/{serial}/history");

        Assert.Equal(200, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal)[..10], text.Replace("-", "",
            StringComparison.Ordinal), StringComparison.Ordinal);
        var history = JsonDocument.Parse(text).RootElement;
        Assert.Equal("redeemed", history.GetProperty("card").GetProperty("status").GetString());
        var events = history.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["issued", "activated", "claimed", "held", "reviewed", "redeemed"],
            events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("issuer-7", events[0].GetProperty("by").GetString());
        Assert.Equal("store-3", events[1].GetProperty("by").GetString());
        Assert.Equal("receipt till-9", events[1].GetProperty("detail").GetString());
        Assert.Equal("fraud-1", events[4].GetProperty("by").GetString());
        Assert.Equal("approved", events[4].GetProperty("detail").GetString());
        Assert.All(events[2..], e => Assert.Equal(account, e.GetProperty("accountId").GetString()));
        Assert.All(events[2..], e => Assert.Equal(redemptionId, e.GetProperty("redemptionId").GetString()));
    }

    [Fact]
    public async Task CardHistory_OfACancelledCard_EndsWithTheCancellation_AndAnUnknownSerialIs404()
    {
        var serial = (await _app.ClientFor("issuer-1", "issuer").IssueAsync())[0].GetProperty("serial").GetString()!;
        await _app.ClientFor("ops-1", "admin").PostAsync($"/api/cards/{serial}/cancellation", null);
        var support = _app.ClientFor("help-1", "support");

        var history = await (await support.GetAsync($"/api/cards/{serial}/history")).JsonAsync();

        Assert.Equal(["issued", "cancelled"], history.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()));
        await (await support.GetAsync("/api/cards/0000000000000000/history")).AssertProblemAsync(404, "card_not_found");
        await (await support.GetAsync("/api/cards/nope/history")).AssertProblemAsync(404, "card_not_found");
    }
}
