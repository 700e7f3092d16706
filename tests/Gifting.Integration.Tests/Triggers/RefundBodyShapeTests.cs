using System.Text;
using System.Text.Json;

namespace Gifting.Integration.Tests.Triggers;

/// <summary>
/// Every shape in which the Functions host may carry a Service Bus body in <c>Data</c>
/// (shared/reference/functions-custom-handler.md, sections 1.4 and 1a(a)); each is delivered twice and credits once.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class RefundBodyShapeTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public Task ProcessRefund_WhenBodyIsDoubleEncoded_CreditsOnce() => CreditsOnceAsync(BodyShape.DoubleEncoded);

    [Fact]
    public Task ProcessRefund_WhenBodyIsAJsonString_CreditsOnce() => CreditsOnceAsync(BodyShape.JsonString);

    [Fact]
    public Task ProcessRefund_WhenBodyIsAJsonObject_CreditsOnce() => CreditsOnceAsync(BodyShape.JsonObject);

    [Fact]
    public Task ProcessRefund_WhenBodyIsBase64Bytes_CreditsOnce() => CreditsOnceAsync(BodyShape.Base64Bytes);

    [Fact]
    public async Task ProcessRefund_WhenBase64BytesStartWithAByteOrderMark_CreditsOnce()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);
        var bytes = Encoding.UTF8.Preamble.ToArray().Concat(Encoding.UTF8.GetBytes(Body(Api.NewId("refund"), account)));
        var base64 = Convert.ToBase64String(bytes.ToArray());
        var payload = $$$"""{"Data":{"message":"{{{base64}}}"},"Metadata":{"DeliveryCount":"1"}}""";

        using var response = await _app.CreateClient().InvokeAsync("ProcessRefund", payload);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1040, await shopper.GiftBalanceAsync());
    }

    private async Task CreditsOnceAsync(BodyShape shape)
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);
        var body = Body(Api.NewId("refund"), account);
        var handler = _app.CreateClient();

        using var first = await handler.InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body, shape: shape));
        using var again = await handler.InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body, deliveryCount: 2, shape: shape));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal(1040, await shopper.GiftBalanceAsync());
        var activity = await (await shopper.GetAsync("/api/balance/activity")).JsonAsync();
        Assert.Single(activity.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("type").GetString() == "refund");
    }

    private static string Body(string refundId, string account) =>
        JsonSerializer.Serialize(new
        {
            refundId, accountId = account, orderId = "order-1", amount = new { amount = 40, currency = "USD" },
            origin = "external",
        });
}
