namespace Gifting.Integration.Tests.Controls;

[Collection(CosmosCollection.Name)]
public sealed class MoneyControlTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Reload_PostsAReloadEntryOncePerPayment()
    {
        var account = Api.NewId("shopper");
        var shopper = _app.ClientFor(account, "customer");

        using var first = await _app.ReloadAsync(account, "pay-1", 40_00);
        using var again = await _app.ReloadAsync(account, "pay-1", 40_00);

        Assert.Equal(201, (int)first.StatusCode);
        var entry = await first.JsonAsync();
        Assert.Equal(("reload", 40_00L), (entry.GetProperty("type").GetString(), entry.Amount()));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(40_00, await shopper.GiftBalanceAsync());
        await (await _app.ReloadAsync(account, "pay-2", 1_00, "CAD")).AssertProblemAsync(422, "currency_mismatch");
    }

    [Fact]
    public async Task AdjustmentsAndReversals_ShowInTheShoppersActivityAndAReversalLandsOnce()
    {
        var (shopper, account) = await _app.FundedShopperAsync(10_00);

        var credit = await (await _app.AdjustAsync(account, "adj-1", "credit", 5_00, "goodwill")).EntryIdAsync();
        using var debit = await _app.AdjustAsync(account, "adj-2", "debit", 3_00);
        using var replayed = await _app.AdjustAsync(account, "adj-1", "credit", 5_00, "goodwill");
        await (await _app.AdjustAsync(account, "adj-3", "debit", 50_00))
            .AssertProblemAsync(422, "insufficient_funds");
        using var reversal = await _app.ReverseAsync(account, credit);
        using var second = await _app.ReverseAsync(account, credit, admin: "ops-2");

        Assert.Equal(201, (int)debit.StatusCode);
        Assert.Equal(credit, (await replayed.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(-5_00, (await reversal.JsonAsync()).Amount());
        await second.AssertProblemAsync(409, "already_reversed");
        Assert.Equal(7_00, await shopper.GiftBalanceAsync());
        Assert.Equal(["reversal", "adjustment", "adjustment", "redemption"], await shopper.ActivityTypesAsync());
    }

    [Fact]
    public async Task Reversal_OfADebitOrOneThatWouldOverdraw_IsNotReversibleAndOfNoEntryIsNotFound()
    {
        var (shopper, account) = await _app.FundedShopperAsync(10_00);
        var reload = await (await _app.ReloadAsync(account, "pay-1", 20_00)).EntryIdAsync();
        var debit = await _app.PayAsync(account, 25_00);

        await (await _app.ReverseAsync(account, reload)).AssertProblemAsync(422, "not_reversible");
        await (await _app.ReverseAsync(account, "ent_3")).AssertProblemAsync(422, "not_reversible");
        await (await _app.ReverseAsync(account, "ent_1")).AssertProblemAsync(422, "not_reversible");
        await (await _app.ReverseAsync(account, "ent_99")).AssertProblemAsync(404, "not_found");
        await (await _app.ReverseAsync(account, "nonsense")).AssertProblemAsync(404, "not_found");

        Assert.Equal(25_00, debit.GetProperty("applied").GetProperty("amount").GetInt64());
        Assert.Equal(5_00, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task Reversal_ConcurrentOfTheSameEntry_ExactlyOneWins()
    {
        var (shopper, account) = await _app.FundedShopperAsync(10_00);
        var credit = await (await _app.AdjustAsync(account, "adj-1", "credit", 5_00)).EntryIdAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var response = await _app.ReverseAsync(account, credit, admin: $"ops-{i}");
            return (int)response.StatusCode;
        }));

        Assert.Single(statuses, s => s == 201);
        Assert.All(statuses.Where(s => s != 201), s => Assert.Equal(409, s));
        Assert.Equal(10_00, await shopper.GiftBalanceAsync());
        Assert.Single(await shopper.ActivityTypesAsync(), t => t == "reversal");
    }

    [Fact]
    public async Task GiftCardDebit_IsRefusedAndChangesNothing()
    {
        var (shopper, account) = await _app.FundedShopperAsync(10_00);

        using var response = await _app.ClientFor("checkout-1", "checkout").PostJsonAsync(
            $"/api/accounts/{account}/debits",
            new { orderId = "o-1", amount = new { amount = 5_00, currency = "USD" }, kind = "gift_card" },
            Api.NewId("debit"));

        await response.AssertProblemAsync(422, "gift_card_purchase_not_allowed");
        Assert.Equal(10_00, await shopper.GiftBalanceAsync());
    }
}
