using System.Text.Json;
using static Gifting.Integration.Tests.Orders.OrderApp;

namespace Gifting.Integration.Tests.Orders;

[Collection(CosmosCollection.Name)]
public sealed class OrderIntakeTests(CosmosFixture cosmos) : IDisposable
{
    private readonly OrderApp _orders = new(cosmos);

    public void Dispose() => _orders.Dispose();

    [Fact]
    public async Task JsonOrder_IsAccepted_ThenItsChunksIssueEveryLine_AndTheLinesShowMaskedRecipients()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        var buyer = _orders.Buyer(org);
        var body = """
            {"externalRef":"po-1","marketplace":"US","senderName":"HR","lines":[
             {"recipientName":"Ann","email":"ann@example.com","channel":"email",
              "amount":{"amount":2500,"currency":"USD"}},
             {"recipientName":"Bob","phone":"+15550100123","channel":"sms","amount":{"amount":1500,"currency":"USD"}}]}
            """;

        using var placed = await buyer.PostRawAsync("/api/orders", body, Api.NewId("order"));

        Assert.Equal(202, (int)placed.StatusCode);
        var accepted = await placed.JsonAsync();
        var orderId = accepted.GetProperty("orderId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", orderId);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal($"/api/orders/{orderId}", accepted.GetProperty("statusUrl").GetString());
        Assert.Equal(1, await _orders.DeliverChunksAsync());
        var order = await OrderAsync(buyer, orderId);
        Assert.Equal("delivering", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("counts").GetProperty("lines").GetInt32());
        Assert.Equal(2, order.GetProperty("counts").GetProperty("issued").GetInt32());
        Assert.Equal(40_00, order.GetProperty("total").GetProperty("amount").GetInt64());
        Assert.Equal(960_00, await _orders.AvailableAsync(org));
        var lines = await LinesAsync(buyer, orderId);
        Assert.Equal(["a***@example.com", "+1******0123"], lines.Select(l => l.GetProperty("recipient").GetString()));
        Assert.Equal(["email", "sms"], lines.Select(l => l.GetProperty("channel").GetString()));
        Assert.All(lines, l => Assert.Equal("scheduled", l.GetProperty("status").GetString()));
        Assert.All(lines, l => Assert.Equal(4, l.GetProperty("last4").GetString()!.Length));
        Assert.Equal(["00001", "00002"], lines.Select(l => l.GetProperty("lineId").GetString()));
        var text = string.Join('\n', lines.Select(l => l.GetRawText()));
        Assert.DoesNotContain("ann@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5550100123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("code", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_orders.App.Logs.Lines, l => l.Contains("ann@example.com", StringComparison.Ordinal)
            || l.Contains("5550100123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CsvOrder_IsAccepted_ListedNewestFirst_AndAReplayAnswersTheSameOrder()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        var buyer = _orders.Buyer(org);
        var key = Api.NewId("order");
        using var first = await PostCsvAsync(buyer, OrderBodies.Csv(3, "\r\n"), Api.NewId("order"));
        using var placed = await PostCsvAsync(buyer, OrderBodies.Csv(5), key);
        using var replay = await PostCsvAsync(buyer, OrderBodies.Csv(5), key);

        Assert.Equal(202, (int)placed.StatusCode);
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        Assert.Equal(202, (int)replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(orderId, (await replay.JsonAsync()).GetProperty("orderId").GetString());
        await _orders.DeliverChunksAsync();
        var order = await OrderAsync(buyer, orderId);
        Assert.Equal(5, order.GetProperty("counts").GetProperty("issued").GetInt32());
        Assert.Equal(1_000_00 - 8 * 25_00, await _orders.AvailableAsync(org));
        var list = await (await buyer.GetAsync("/api/orders?limit=1")).JsonAsync();
        Assert.Equal(orderId, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("orderId")
            .GetString());
        Assert.Equal(JsonValueKind.String, list.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task CsvOrder_ReusingItsKeyWithOtherQueryFields_IsAKeyMismatch()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        var buyer = _orders.Buyer(org);
        var key = Api.NewId("order");

        using var placed = await PostCsvAsync(buyer, OrderBodies.Csv(2), key);
        using var changed = await PostCsvAsync(buyer, OrderBodies.Csv(2), key,
            "/api/orders?externalRef=po-8&marketplace=US&senderName=People%20Team");

        Assert.Equal(202, (int)placed.StatusCode);
        await changed.AssertProblemAsync(422, "idempotency_key_mismatch");
        Assert.Equal(1_000_00 - 2 * 25_00, await _orders.AvailableAsync(org));
    }

    [Fact]
    public async Task Order_OverTheFunding_IsRefused_AndTheFundingIsUnchanged()
    {
        var org = await _orders.FundedOrgAsync(60_00);

        using var response = await PostCsvAsync(_orders.Buyer(org), OrderBodies.Csv(3), Api.NewId("order"));

        await response.AssertProblemAsync(422, "insufficient_funds");
        Assert.Equal(60_00, await _orders.AvailableAsync(org));
        Assert.Empty(_orders.Publisher.Sent);
    }
}
