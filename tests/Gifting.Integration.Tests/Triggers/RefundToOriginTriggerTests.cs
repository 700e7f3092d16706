using System.Text.Json;
using Gifting.Core.Refunds;
using Gifting.Testing;

namespace Gifting.Integration.Tests.Triggers;

/// <summary>
/// Refunds through <c>ProcessRefund</c> give back what the order took, where it took it, once across accounts.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class RefundToOriginTriggerTests(CosmosFixture cosmos) : IDisposable
{
    // A one-second lead lets a test grant a lot that expires while it watches.
    private readonly GiftingFactory _app = new(cosmos,
        settings: new Dictionary<string, string> { ["Promotions:MinimumLead"] = "00:00:01" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Refund_OfOrderPaidWithPromotion_GivesGiftAndTheLotBackWithItsExpiry()
    {
        var (shopper, account) = await _app.FundedShopperAsync(5000);
        var expiresAt = DateTimeOffset.UtcNow.AddDays(30);
        using var grant = await _app.ClientFor("promo-1", "promotions").PostJsonAsync(
            $"/api/accounts/{account}/promotional-credits",
            new { grantId = Api.NewId("grant"), amount = new { amount = 700, currency = "USD" }, expiresAt,
                reason = "welcome" });
        Assert.Equal(201, (int)grant.StatusCode);
        await _app.PayAsync(account, 1000);

        using var refund = await ProcessAsync(Body(Api.NewId("refund"), account, 1000));

        Assert.Equal(200, (int)refund.StatusCode);
        var balance = await (await shopper.GetAsync("/api/balance")).JsonAsync();
        Assert.Equal(5000, balance.GetProperty("gift").GetProperty("amount").GetInt64());
        var lot = Assert.Single(balance.GetProperty("promotionalLots").EnumerateArray());
        Assert.Equal(700, lot.GetProperty("amount").GetProperty("amount").GetInt64());
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(),
            lot.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Refund_OfLotThatHasExpiredSince_ForfeitsItAndTheActivitySaysSo()
    {
        var (shopper, account) = await _app.FundedShopperAsync(5000);
        using var grant = await _app.ClientFor("promo-1", "promotions").PostJsonAsync(
            $"/api/accounts/{account}/promotional-credits",
            new { grantId = Api.NewId("grant"), amount = new { amount = 700, currency = "USD" },
                expiresAt = DateTimeOffset.UtcNow.AddSeconds(2), reason = "flash" });
        Assert.Equal(201, (int)grant.StatusCode);
        await _app.PayAsync(account, 1000);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        using var refund = await ProcessAsync(Body(Api.NewId("refund"), account, 1000));

        Assert.Equal(200, (int)refund.StatusCode);
        Assert.Equal(5000, await shopper.GiftBalanceAsync());
        var latest = (await (await shopper.GetAsync("/api/balance/activity")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal(("refund", 300L, 700L), (latest.GetProperty("type").GetString(),
            latest.GetProperty("amount").GetProperty("amount").GetInt64(),
            latest.GetProperty("forfeited").GetProperty("amount").GetInt64()));
    }

    [Fact]
    public async Task Refund_BeyondWhatTheOrderTook_IsRecordedAndChangesNothing()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);
        await _app.PayAsync(account, 500);
        var refundId = Api.NewId("refund");

        using var refund = await ProcessAsync(Body(refundId, account, 501));

        Assert.Equal(200, (int)refund.StatusCode);
        Assert.Equal(500, await shopper.GiftBalanceAsync());
        Assert.Contains("left to refund", await RejectionReasonAsync(refundId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refund_SentWithTwoAccountIds_CreditsOnlyTheFirst()
    {
        var (alice, aliceAccount) = await _app.FundedShopperAsync(1000);
        var (bob, bobAccount) = await _app.FundedShopperAsync(1000);
        await _app.PayAsync(aliceAccount, 500);
        await _app.PayAsync(bobAccount, 500);
        var refundId = Api.NewId("refund");

        using var first = await ProcessAsync(Body(refundId, aliceAccount, 500));
        using var other = await ProcessAsync(Body(refundId, bobAccount, 500));
        using var again = await ProcessAsync(Body(refundId, aliceAccount, 500));

        Assert.All(new[] { first, other, again }, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Equal((1000L, 500L), (await alice.GiftBalanceAsync(), await bob.GiftBalanceAsync()));
        Assert.Contains("another account", await RejectionReasonAsync(refundId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refund_WhenProcessDiesBetweenClaimAndCredit_RedeliveryCreditsOnce()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);
        await _app.PayAsync(account, 500);
        using var crashing = new GiftingFactory(cosmos,
            services => services.Decorate<IRefundClaims>(inner => new CrashingRefundClaims(inner)));
        var body = Body(Api.NewId("refund"), account, 300);

        using var first = await crashing.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body, deliveryCount: 1));
        var afterCrash = await shopper.GiftBalanceAsync();
        using var second = await crashing.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body, deliveryCount: 2));

        Assert.Equal((500, 500L), ((int)first.StatusCode, afterCrash));
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal(800, await shopper.GiftBalanceAsync());
    }

    private Task<HttpResponseMessage> ProcessAsync(string body) =>
        _app.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body, messageId: Guid.NewGuid().ToString("N")));

    private static string Body(string refundId, string account, long amount) =>
        JsonSerializer.Serialize(
            new { refundId, accountId = account, orderId = "order-1", amount = new { amount, currency = "USD" } });

    private async Task<string> RejectionReasonAsync(string refundId)
    {
        using var feed = cosmos.Containers().Rejections.GetItemQueryIterator<JsonElement>((string?)null);
        while (feed.HasMoreResults)
        {
            foreach (var document in await feed.ReadNextAsync())
            {
                if (document.GetProperty("body").GetString()!.Contains(refundId, StringComparison.Ordinal))
                    return document.GetProperty("reason").GetString()!;
            }
        }
        return "";
    }
}
