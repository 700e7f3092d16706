using Gifting.Core.Cards;

namespace Gifting.Integration.Tests.Cards;

/// <summary>Who may activate a card, and what a card route does with a serial that cannot be one.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CardRouteGuardTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task Activate_WhenBodyNamesAnotherRetailer_Answers403AndLeavesCardInactive()
    {
        using var app = new GiftingFactory(cosmos);
        var card = (await app.ClientFor("issuer-1", "issuer").IssueAsync(kind: "physical"))[0];
        var serial = card.GetProperty("serial").GetString()!;
        var store = app.ClientFor("store-42", "retailer");

        using var impersonated = await store.PostJsonAsync($"/api/cards/{serial}/activation",
            new { retailerId = "store-9", receiptRef = "r-1" });

        await impersonated.AssertProblemAsync(403, "forbidden");
        var lookup = await app.ClientFor("help-1", "support").GetAsync($"/api/cards/{serial}");
        Assert.Equal("inactive", (await lookup.JsonAsync()).GetProperty("status").GetString());
        using var own = await store.PostJsonAsync($"/api/cards/{serial}/activation",
            new { retailerId = "store-42", receiptRef = "r-1" });
        Assert.Equal(200, (int)own.StatusCode);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("12345678901234567")]
    [InlineData("123456789012345%20")]
    [InlineData("123456789012345%23")]
    [InlineData("１２３４５６７８９０１２３４５６")]
    public async Task CardRoutes_WhenSerialIsMalformed_Answer404BeforeAnyLookup(string serial)
    {
        var lookups = new CountingCardStore.Counter();
        using var app = new GiftingFactory(cosmos,
            services => services.Decorate<ICardStore>(inner => new CountingCardStore(inner, lookups)));
        var support = app.ClientFor("help-1", "support");
        var admin = app.ClientFor("ops-1", "admin");

        await (await support.GetAsync($"/api/cards/{serial}")).AssertProblemAsync(404, "card_not_found");
        await (await app.ClientFor("store-42", "retailer").PostJsonAsync($"/api/cards/{serial}/activation",
            new { retailerId = "store-42" })).AssertProblemAsync(404, "card_not_found");
        await (await admin.PostAsync($"/api/cards/{serial}/cancellation", null))
            .AssertProblemAsync(404, "card_not_found");
        await (await support.PostJsonAsync($"/api/cards/{serial}/review", new { decision = "approve" }))
            .AssertProblemAsync(404, "card_not_found");

        Assert.Equal(0, lookups.Value);
    }
}
