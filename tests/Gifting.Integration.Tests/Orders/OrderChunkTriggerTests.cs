using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static Gifting.Integration.Tests.Orders.OrderApp;

namespace Gifting.Integration.Tests.Orders;

[Collection(CosmosCollection.Name)]
public sealed class OrderChunkTriggerTests(CosmosFixture cosmos) : IDisposable
{
    private readonly OrderApp _orders =
        new(cosmos, new Dictionary<string, string> { ["Orders:SweepAfter"] = "00:00:00" });

    public void Dispose() => _orders.Dispose();

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"orderId\": 5, \"org\": \"acme\", \"chunk\": 0}")]
    [InlineData("{\"orderId\": \"0123456789abcdef0123456789abcdef\", \"org\": \"a/b\", \"chunk\": 0}")]
    [InlineData("{\"orderId\": \"0123456789abcdef0123456789abcdef\", \"org\": \"acme\", \"chunk\": -1}")]
    [InlineData("{\"orderId\": \"0123456789abcdef0123456789abcdef\", \"org\": \"acme\", \"chunk\": 0}")]
    public async Task ChunkMessage_ThatCanNeverSucceed_IsRecordedAndCompleted(string body)
    {
        var messageId = Api.NewId("poison");

        using var response = await _orders.App.CreateClient().InvokeAsync("ProcessOrderChunk",
            HostPayloads.ServiceBus("message", body, messageId));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains((await response.JsonAsync()).GetProperty("Logs").EnumerateArray(),
            l => l.GetString()!.StartsWith("Rejected", StringComparison.Ordinal));
        // A well-formed message for an order that is not there is recorded under its chunk; any other under its id.
        var key = body.Contains("\"acme\", \"chunk\": 0", StringComparison.Ordinal)
            ? "order-chunk:0123456789abcdef0123456789abcdef-0"
            : "message:" + messageId;
        Assert.NotEmpty(await cosmos.RejectionsMentioningAsync(RejectionId(key)));
    }

    [Fact]
    public async Task ChunkOutOfRange_IsRecordedAndCompleted()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        using var placed = await PostCsvAsync(_orders.Buyer(org), OrderBodies.Csv(2), Api.NewId("order"));
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        var body = JsonSerializer.Serialize(new { orderId, org, chunk = 1 });

        using var response = await _orders.App.CreateClient().InvokeAsync("ProcessOrderChunk",
            HostPayloads.ServiceBus("message", body, Api.NewId("chunk")));

        Assert.Equal(200, (int)response.StatusCode);
        var rejection = Assert.Single(await cosmos.RejectionsMentioningAsync(RejectionId($"order-chunk:{orderId}-1")));
        Assert.Contains("chunks 0 to 0", rejection.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameChunk_DeliveredTwiceAndConcurrently_IssuesEachLineOnce()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        var buyer = _orders.Buyer(org);
        using var placed = await PostCsvAsync(buyer, OrderBodies.Csv(4), Api.NewId("order"));
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        var message = Assert.Single(_orders.Publisher.Drain());
        var payload = HostPayloads.ServiceBus("message", Encoding.UTF8.GetString(message.Body.Span), message.MessageId);
        var handler = _orders.App.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            handler.InvokeAsync("ProcessOrderChunk", payload)));
        using var later = await handler.InvokeAsync("ProcessOrderChunk", payload);

        Assert.All(answers.Append(later), a => Assert.Equal(200, (int)a.StatusCode));
        var order = await OrderAsync(buyer, orderId);
        Assert.Equal(4, order.GetProperty("counts").GetProperty("issued").GetInt32());
        Assert.All(await LinesAsync(buyer, orderId),
            l => Assert.Equal("scheduled", l.GetProperty("status").GetString()));
        Assert.Equal(4, await CardsOfAsync(orderId));
        Assert.Equal(900_00, await _orders.AvailableAsync(org));
    }

    [Fact]
    public async Task Order_WhoseChunksFailedToSend_IsSentAgainByTheSweeper()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        var buyer = _orders.Buyer(org);
        _orders.Publisher.FailNext();

        using var placed = await PostCsvAsync(buyer, OrderBodies.Csv(2), Api.NewId("order"));
        Assert.Equal(202, (int)placed.StatusCode);
        Assert.Empty(_orders.Publisher.Sent);
        using var swept = await _orders.App.CreateClient().InvokeAsync("SweepOrders", HostPayloads.Timer("timer"));

        Assert.Equal(200, (int)swept.StatusCode);
        // Other tests' unfinished orders may be swept too: their chunks are delivered as well, which they survive.
        Assert.True(await _orders.DeliverChunksAsync() >= 1);
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        Assert.Equal(2, (await OrderAsync(buyer, orderId)).GetProperty("counts").GetProperty("issued").GetInt32());
    }

    /// <summary>The id a rejection is stored under: its queue and the SHA-256 of its key.</summary>
    // A record's id is the day of its rejection, the queue and the hash of the message's key.
    private static string RejectionId(string key) =>
        ".order-chunks." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The cards issued for the order's lines (a scan: test data only).</summary>
    private async Task<int> CardsOfAsync(string orderId)
    {
        var count = 0;
        using var feed = cosmos.Containers().Cards.GetItemQueryIterator<JsonElement>((string?)null);
        while (feed.HasMoreResults)
            count += (await feed.ReadNextAsync()).Count(d =>
                d.TryGetProperty("issuedBy", out var by) && by.ValueKind == JsonValueKind.String
                && by.GetString() == $"order:{orderId}");
        return count;
    }
}
