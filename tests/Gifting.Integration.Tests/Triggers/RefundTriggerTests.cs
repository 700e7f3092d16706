using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Triggers;

[Collection(CosmosCollection.Name)]
public sealed class RefundTriggerTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Refund_DeliveredAsTheHostDoes_CreditsGiftBalance()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);
        await _app.PayAsync(account, 400);
        var body = RefundBody(Api.NewId("refund"), account, 250);

        using var response =
            await _app.CreateClient().InvokeAsync("ProcessRefund", HostPayloads.ServiceBus("message", body));

        Assert.Equal(200, (int)response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Object, answer.GetProperty("Outputs").ValueKind);
        Assert.NotEmpty(answer.GetProperty("Logs").EnumerateArray());
        Assert.Equal(850, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task Refund_InTheOlderCaptureShape_WithQuotedDates_IsCredited()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);
        var body = RefundBody(Api.NewId("refund"), account, 10, origin: "external");
        // The shape of a real 2020 capture (Service Bus extension 4.x): dates double-quoted, a receiver object.
        var metadata = """
            {"MessageReceiver":{"ClientId":"MessageReceiver1refunds","IsClosedOrClosing":false},
             "DeliveryCount":"1","LockToken":"\"4223106e-36f4-45ed-b1ab-96ead73e225b\"",
             "ExpiresAtUtc":"\"2020-10-22T21:49:35.809Z\"","EnqueuedTimeUtc":"\"2020-10-08T21:49:35.809Z\"",
             "MessageId":"\"088fb2b9aede42e7a154dbc7f803a566\"","ContentType":"\"application/json\"",
             "SequenceNumber":"1",
             "UserProperties":{"Sec-Fetch-Site":"cross-site"},
             "sys":{"MethodName":"ProcessRefund","UtcNow":"2020-10-08T21:49:36.127842Z",
                    "RandGuid":"addfc984-0000-0000-0000-000000000000"}}
            """;
        var payload = "{\"Data\":{\"message\":" + JsonSerializer.Serialize(JsonSerializer.Serialize(body))
            + "},\"Metadata\":" + metadata + "}";

        using var response = await _app.CreateClient().InvokeAsync("ProcessRefund", payload);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1010, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task Refund_RedeliveredSequentiallyConcurrentlyAndWithOtherEnvelopes_CreditsOnce()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);
        await _app.PayAsync(account, 500);
        var refundId = Api.NewId("refund");
        var handler = _app.CreateClient();

        for (var i = 1; i <= 10; i++)
            Assert.Equal(200, (int)(await handler.InvokeAsync("ProcessRefund",
                HostPayloads.ServiceBus("message", RefundBody(refundId, account, 300), deliveryCount: i))).StatusCode);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            handler.InvokeAsync("ProcessRefund", HostPayloads.ServiceBus("message",
                RefundBody(refundId, account, 300 + i), messageId: Guid.NewGuid().ToString("N")))));

        Assert.All(concurrent, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Equal(800, await shopper.GiftBalanceAsync());
        var activity = await (await shopper.GetAsync("/api/balance/activity")).JsonAsync();
        Assert.Single(
            activity.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString() == "refund");
    }

    [Theory]
    [InlineData("not json", "not json")]
    [InlineData("{\"refundId\": 5}", "malformed")]
    [InlineData("{\"refundId\": \"r1\", \"accountId\": \"a/b\", \"orderId\": \"o\", "
        + "\"amount\": {\"amount\": 1, \"currency\": \"USD\"}}", "a/b")]
    [InlineData("{\"refundId\": \"r2\", \"accountId\": \"nobody-here\", \"orderId\": \"o\", "
        + "\"amount\": {\"amount\": 1, \"currency\": \"USD\"}}", "Unknown account")]
    [InlineData("{\"refundId\": \"r3\", \"accountId\": \"nobody-here\", \"orderId\": \"o\", "
        + "\"amount\": {\"amount\": 1.5, \"currency\": \"USD\"}}", "malformed at $.amount")]
    [InlineData("{\"refundId\": \"r4\", \"accountId\": \"nobody-here\", \"orderId\": \"o\", "
        + "\"amount\": {\"amount\": 1, \"currency\": \"USD\"}, \"origin\": \"voucher\"}", "malformed at $.origin")]
    public async Task Refund_ThatCanNeverSucceed_IsRecordedAndCompleted(string body, string recorded)
    {
        using var response = await _app.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body, messageId: Api.NewId("poison")));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains((await response.JsonAsync()).GetProperty("Logs").EnumerateArray(),
            l => l.GetString()!.StartsWith("Rejected", StringComparison.Ordinal));
        Assert.True(await RejectionsContainAsync(recorded), $"No rejection mentions '{recorded}'.");
    }

    [Fact]
    public async Task Refund_InAnotherCurrency_IsRecordedAndCreditsNothing()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);

        using var response = await _app.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", RefundBody(Api.NewId("refund"), account, 50, "EUR")));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1000, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task Refund_WhenProcessDiesAfterCrediting_RedeliveryCreditsOnce()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);
        await _app.PayAsync(account, 500);
        using var crashing = new GiftingFactory(cosmos,
            services => services.Decorate<Gifting.Core.Ledger.ILedgerStore>(
                inner => new Gifting.Testing.CrashingLedgerStore(inner)));
        var body = RefundBody(Api.NewId("refund"), account, 90);

        using var first = await crashing.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body, deliveryCount: 1));
        using var second = await crashing.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body, deliveryCount: 2));

        Assert.Equal(500, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal(590, await shopper.GiftBalanceAsync());
    }

    private static string RefundBody(
        string refundId, string account, long amount, string currency = "USD", string origin = "balance") =>
        JsonSerializer.Serialize(new
        {
            refundId, accountId = account, orderId = "order-1", amount = new { amount, currency }, reason = "returned",
            origin
        });

    private async Task<bool> RejectionsContainAsync(string fragment) =>
        (await cosmos.RejectionsMentioningAsync(fragment)).Count > 0;
}
