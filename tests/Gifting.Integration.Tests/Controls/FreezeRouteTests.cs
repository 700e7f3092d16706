namespace Gifting.Integration.Tests.Controls;

[Collection(CosmosCollection.Name)]
public sealed class FreezeRouteTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task FrozenAccount_RefusesRedemptionsDebitsAndReloadsAndItsBalanceStaysReadable()
    {
        var (shopper, account) = await _app.FundedShopperAsync(10_00);
        var code = (await _app.ClientFor("issuer-1", "issuer").IssueAsync())[0].GetProperty("code").GetString()!;

        using var frozen = await _app.FreezeAccountAsync(account);

        var body = await frozen.JsonAsync();
        Assert.Equal((account, true, "help-1"), (body.GetProperty("accountId").GetString(),
            body.GetProperty("frozen").GetBoolean(), body.GetProperty("by").GetString()));
        await (await shopper.RedeemAsync(code)).AssertProblemAsync(409, "account_frozen");
        await (await _app.ClientFor("checkout-1", "checkout").PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "o", amount = new { amount = 1_00, currency = "USD" } }, Api.NewId("d")))
            .AssertProblemAsync(409, "account_frozen");
        await (await _app.ReloadAsync(account, "pay-1", 1_00)).AssertProblemAsync(409, "account_frozen");
        Assert.Equal(10_00, await shopper.GiftBalanceAsync());

        using var unfrozen = await _app.FreezeAccountAsync(account, frozen: false);
        Assert.False((await unfrozen.JsonAsync()).GetProperty("frozen").GetBoolean());
        Assert.Equal(200, (int)(await shopper.RedeemAsync(code)).StatusCode);
    }

    [Fact]
    public async Task FrozenCard_RefusesRedemptionAndActivation()
    {
        var issuer = _app.ClientFor("issuer-1", "issuer");
        var digital = (await issuer.IssueAsync())[0];
        var physical = (await issuer.IssueAsync(kind: "physical"))[0];
        var support = _app.ClientFor("help-1", "support");
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");

        foreach (var card in new[] { digital, physical })
        {
            using var frozen = await support.PostJsonAsync(
                $"/api/cards/{card.GetProperty("serial").GetString()}/freeze", new { reason = "reported stolen" });
            Assert.True((await frozen.JsonAsync()).GetProperty("frozen").GetBoolean());
        }

        await (await shopper.RedeemAsync(digital.GetProperty("code").GetString()!))
            .AssertProblemAsync(409, "card_frozen");
        await (await _app.ClientFor("store-1", "retailer").PostJsonAsync(
                $"/api/cards/{physical.GetProperty("serial").GetString()}/activation", new { retailerId = "store-1" }))
            .AssertProblemAsync(409, "card_frozen");
        await (await support.PostJsonAsync("/api/cards/1234567890123456/freeze", new { reason = "x" }))
            .AssertProblemAsync(404, "card_not_found");
    }

    [Fact]
    public async Task FrozenAccountRacingDebits_EveryDebitIsEitherPostedOrRefusedAndNoneAfterTheFreezeAnswered()
    {
        for (var round = 0; round < 5; round++)
        {
            var (shopper, account) = await _app.FundedShopperAsync(100_00);
            var checkout = _app.ClientFor("checkout-1", "checkout");
            Task<HttpResponseMessage> Debit(int i) => checkout.PostJsonAsync($"/api/accounts/{account}/debits",
                new { orderId = $"o-{i}", amount = new { amount = 1_00, currency = "USD" } }, Api.NewId("d"));

            var racing = Enumerable.Range(0, 8).Select(Debit).ToList();
            using var frozen = await _app.FreezeAccountAsync(account);
            var raced = await Task.WhenAll(racing);
            using var after = await Debit(99);

            Assert.Equal(200, (int)frozen.StatusCode);
            await after.AssertProblemAsync(409, "account_frozen");
            var posted = raced.Count(r => (int)r.StatusCode == 201);
            Assert.Equal(8 - posted, raced.Count(r => (int)r.StatusCode == 409));
            Assert.Equal(100_00 - posted * 1_00, await shopper.GiftBalanceAsync());
            Assert.Equal(posted, (await shopper.ActivityTypesAsync()).Count(t => t == "debit"));
        }
    }
}
