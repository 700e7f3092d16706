using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gifting.Integration.Tests.Triggers;

/// <summary>
/// A message too large to be a refund can never succeed: it is recorded and completed. A 413 instead would fail the
/// invocation, and Service Bus would redeliver it ten times and then dead-letter it.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class RefundOversizeTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ProcessRefund_WhenMessageIsOversized_RecordsRejectionAndCompletes()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);
        var refundId = Api.NewId("refund");
        // 100 KB of reason: over a refund message's limit, and its invocation over the HTTP API's 64 KiB body limit.
        var payload = HostPayloads.ServiceBus("message", Body(refundId, account, new string('x', 100_000)));

        using var response = await _app.CreateClient().InvokeAsync("ProcessRefund", payload);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains((await response.JsonAsync()).GetProperty("Logs").EnumerateArray(),
            l => l.GetString()!.StartsWith("Rejected", StringComparison.Ordinal));
        var rejection = Assert.Single(await cosmos.RejectionsMentioningAsync(refundId));
        Assert.Contains("at most 65536 bytes", rejection.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1000, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task ProcessRefund_WhenInvocationIsOverTheInvocationLimit_RecordsRejectionAndCompletes()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);
        var refundId = Api.NewId("refund");
        // The body is carried twice (in Data and promoted into Metadata), so this invocation is over 6 MB. The host
        // posts JSON without a Content-Length, so the handler only finds out by reading.
        var payload = HostPayloads.ServiceBus("message", Body(refundId, account, new string('x', 3_000_000)));
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ProcessRefund") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        var rejection = Assert.Single(await cosmos.RejectionsMentioningAsync(refundId));
        Assert.Contains("bytes", rejection.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1000, await shopper.GiftBalanceAsync());
    }

    private static string Body(string refundId, string account, string reason) =>
        JsonSerializer.Serialize(new
        {
            refundId, accountId = account, orderId = "order-1", amount = new { amount = 40, currency = "USD" }, reason,
        });
}
