using static Gifting.Integration.Tests.Orders.OrderApp;

namespace Gifting.Integration.Tests.Orders;

[Collection(CosmosCollection.Name)]
public sealed class OrderAccessTests(CosmosFixture cosmos) : IDisposable
{
    private readonly OrderApp _orders = new(cosmos);

    public void Dispose() => _orders.Dispose();

    [Fact]
    public async Task AnotherOrgsOrder_IsNotFound_OnEveryRoute_AndIsNotCancelled()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        var orderId = await PlaceAsync(org, 2);
        var stranger = _orders.Buyer(await _orders.FundedOrgAsync(1_00), "buyer-2");

        await (await stranger.GetAsync($"/api/orders/{orderId}")).AssertProblemAsync(404, "order_not_found");
        await (await stranger.GetAsync($"/api/orders/{orderId}/lines")).AssertProblemAsync(404, "order_not_found");
        await (await stranger.PostAsync($"/api/orders/{orderId}/cancellation", null))
            .AssertProblemAsync(404, "order_not_found");
        Assert.Empty((await (await stranger.GetAsync("/api/orders")).JsonAsync()).GetProperty("items")
            .EnumerateArray());
        Assert.Equal("accepted", (await OrderAsync(_orders.Buyer(org), orderId)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    public async Task MalformedOrderId_IsNotFound(string orderId)
    {
        var buyer = _orders.Buyer(Api.NewId("org"));

        await (await buyer.GetAsync($"/api/orders/{orderId}")).AssertProblemAsync(404, "order_not_found");
        await (await buyer.GetAsync($"/api/orders/{orderId}/lines")).AssertProblemAsync(404, "order_not_found");
    }

    [Theory]
    [InlineData("/api/orders?limit=0")]
    [InlineData("/api/orders?limit=101")]
    public async Task List_WithALimitOutOfRange_IsAValidationFailure(string path) =>
        await (await _orders.Buyer(Api.NewId("org")).GetAsync(path)).AssertProblemAsync(400, "validation_failed");

    [Fact]
    public async Task Cancellation_AfterIssuing_CancelsTheLine_AndGivesTheFundingBack()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        var buyer = _orders.Buyer(org);
        // One line, so the funding read here does not depend on two lines' releases racing at the account document.
        var orderId = await PlaceAsync(org, 1);
        await _orders.DeliverChunksAsync();
        Assert.Equal(975_00, await _orders.AvailableAsync(org));

        using var cancelled = await buyer.PostAsync($"/api/orders/{orderId}/cancellation", null);
        using var again = await buyer.PostAsync($"/api/orders/{orderId}/cancellation", null);

        Assert.Equal(200, (int)cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal(1, await _orders.DeliverChunksAsync());
        Assert.All(await LinesAsync(buyer, orderId),
            l => Assert.Equal("cancelled", l.GetProperty("status").GetString()));
        Assert.Equal(1_000_00, await _orders.AvailableAsync(org));
        Assert.Equal("cancelled", (await OrderAsync(buyer, orderId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancellation_BeforeTheChunksArrive_CancelsALineThatWasNeverIssued()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        var buyer = _orders.Buyer(org);
        var orderId = await PlaceAsync(org, 1);

        Assert.Equal(200, (int)(await buyer.PostAsync($"/api/orders/{orderId}/cancellation", null)).StatusCode);
        await _orders.DeliverChunksAsync();

        var lines = await LinesAsync(buyer, orderId);
        Assert.All(lines, l => Assert.Equal("cancelled", l.GetProperty("status").GetString()));
        Assert.All(lines, l => Assert.False(l.TryGetProperty("last4", out _)));
        Assert.Equal(1_000_00, await _orders.AvailableAsync(org));
    }

    private async Task<string> PlaceAsync(string org, int lines)
    {
        using var placed = await PostCsvAsync(_orders.Buyer(org), OrderBodies.Csv(lines), Api.NewId("order"));
        Assert.Equal(202, (int)placed.StatusCode);
        return (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
    }
}
