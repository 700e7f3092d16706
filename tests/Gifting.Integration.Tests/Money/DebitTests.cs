using System.Text.Json;

namespace Gifting.Integration.Tests.Money;

[Collection(CosmosCollection.Name)]
public sealed class DebitTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Debits_RacingForOneBalance_NeverOverspend()
    {
        var (shopper, account) = await _app.FundedShopperAsync(10000);
        var checkout = _app.ClientFor("checkout-1", "checkout");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
                new { orderId = $"order-{i}", amount = new { amount = 1000, currency = "USD" }, allowPartial = false },
                Api.NewId("debit"));
            return (int)response.StatusCode;
        }));

        Assert.Equal(10, statuses.Count(s => s == 201));
        Assert.Equal(190, statuses.Count(s => s == 422));
        Assert.Equal(0, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task Debit_SpendsPromotionalFirstAndReplaysByKey()
    {
        var (shopper, account) = await _app.FundedShopperAsync(5000);
        var grant = await _app.ClientFor("promo-1", "promotions").PostJsonAsync(
            $"/api/accounts/{account}/promotional-credits",
            new { grantId = Api.NewId("grant"), amount = new { amount = 700, currency = "USD" },
                expiresAt = DateTimeOffset.UtcNow.AddDays(30), reason = "welcome" });
        Assert.Equal(201, (int)grant.StatusCode);
        var checkout = _app.ClientFor("checkout-1", "checkout");
        var key = Api.NewId("debit");
        var body = new { orderId = "order-9", amount = new { amount = 1000, currency = "USD" }, allowPartial = false };

        using var first = await checkout.PostJsonAsync($"/api/accounts/{account}/debits", body, key);
        using var replay = await checkout.PostJsonAsync($"/api/accounts/{account}/debits", body, key);

        Assert.Equal(201, (int)first.StatusCode);
        var debit = await first.JsonAsync();
        Assert.Equal(1000, debit.GetProperty("applied").GetProperty("amount").GetInt64());
        Assert.Equal(700, debit.GetProperty("fromPromotional").GetProperty("amount").GetInt64());
        Assert.Equal(300, debit.GetProperty("fromGift").GetProperty("amount").GetInt64());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(4700, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task Debit_WithBadInput_AnswersProblemAndChangesNothing()
    {
        var (shopper, account) = await _app.FundedShopperAsync(500);
        var checkout = _app.ClientFor("checkout-1", "checkout");

        await (await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "o", amount = new { amount = 100, currency = "EUR" } }, Api.NewId("d")))
            .AssertProblemAsync(422, "currency_mismatch");
        await (await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "o", amount = new { amount = 900, currency = "USD" } }, Api.NewId("d")))
            .AssertProblemAsync(422, "insufficient_funds");
        await (await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "o", amount = new { amount = -1, currency = "USD" } }, Api.NewId("d")))
            .AssertProblemAsync(400, "validation_failed");
        await (await checkout.PostRawAsync($"/api/accounts/{account}/debits", "{\"orderId\": \"o\"}", Api.NewId("d")))
            .AssertProblemAsync(400, "invalid_json");
        await (await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "o", amount = new { amount = 1, currency = "USD" } }))
            .AssertProblemAsync(400, "idempotency_key_required");
        await (await shopper.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "o", amount = new { amount = 1, currency = "USD" } }, Api.NewId("d")))
            .AssertProblemAsync(403, "forbidden");
        Assert.Equal(500, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task Debit_WhenPreferencesExcludeOrders_LeavesGiftBalanceAlone()
    {
        var (shopper, account) = await _app.FundedShopperAsync(500);
        using var put = await shopper.PutAsync("/api/balance/preferences",
            new StringContent(
                "{\"applyToOrders\": false, \"applyToSubscriptions\": true}", System.Text.Encoding.UTF8,
                "application/json"));
        var checkout = _app.ClientFor("checkout-1", "checkout");

        using var order = await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "o1", amount = new { amount = 100, currency = "USD" }, kind = "order" }, Api.NewId("d"));
        using var subscription = await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "s1", amount = new { amount = 100, currency = "USD" }, kind = "subscription" },
            Api.NewId("d"));

        await order.AssertProblemAsync(422, "insufficient_funds");
        Assert.Equal(201, (int)subscription.StatusCode);
        Assert.Equal(400, await shopper.GiftBalanceAsync());
    }

}
