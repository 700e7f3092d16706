using System.Text;
using Gifting.Core.Messaging;
using Gifting.Integration.Tests.Communication;
using Gifting.Integration.Tests.Orders;

namespace Gifting.Integration.Tests.Delivery;

/// <summary>
/// Deliveries through the app's own ACS clients to a fake ACS that checks every signature: the trigger, its claim and
/// its answers to the host, the resend route, and what ACS received, counted.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class DeliveryThroughAcsTests(CosmosFixture cosmos) : IAsyncLifetime, IDisposable
{
    private FakeAcs _acs = null!;
    private OrderApp _orders = null!;

    public async Task InitializeAsync()
    {
        _acs = await FakeAcs.StartAsync();
        _orders = new OrderApp(cosmos, new Dictionary<string, string>
        {
            ["Communication:ConnectionString"] = _acs.ConnectionString,
            ["Communication:EmailSender"] = AcsClients.Sender,
            ["Communication:SmsFrom"] = AcsClients.SmsFrom,
        });
    }

    public Task DisposeAsync() => _acs.DisposeAsync().AsTask();

    public void Dispose() => _orders.Dispose();

    [Fact]
    public async Task Delivery_DeliveredTwiceAndConcurrently_ReachesAcsOnce()
    {
        var (orderId, delivery) = await PlaceAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => InvokeAsync(delivery)));
        var later = await InvokeAsync(delivery);

        Assert.Single(_acs.Accepted);
        Assert.Contains(200, answers);
        Assert.Equal(200, later);
        Assert.Equal(1, await SentAsync(orderId));
    }

    [Fact]
    public async Task Delivery_ThrottledThenAccepted_IsSentOnceAndTheFirstAnswerAsksForItAgain()
    {
        var (orderId, delivery) = await PlaceAsync();
        _acs.Answer(FakeAcsAnswer.Throttled(1));

        var throttled = await InvokeAsync(delivery);
        var retried = await InvokeAsync(delivery);

        Assert.Equal(503, throttled);
        Assert.Equal(200, retried);
        // The fake keeps every well-formed request, the one it answered 429 too.
        Assert.Equal(2, _acs.Accepted.Count);
        Assert.Equal(1, await SentAsync(orderId));
    }

    [Fact]
    public async Task Delivery_RefusedByAcs_FailsTheLineWithItsReason_AndCompletesTheMessage()
    {
        var (orderId, delivery) = await PlaceAsync();
        _acs.Answer(FakeAcsAnswer.Error(400, "InvalidRecipient", "The recipient address is not valid."));

        Assert.Equal(200, await InvokeAsync(delivery));

        var lines = await (await _orders.Buyer(_org).GetAsync($"/api/orders/{orderId}/lines")).JsonAsync();
        var line = lines.GetProperty("items")[0];
        Assert.Equal("failed", line.GetProperty("status").GetString());
        Assert.Contains("InvalidRecipient", line.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        var order = await (await _orders.Buyer(_org).GetAsync($"/api/orders/{orderId}")).JsonAsync();
        Assert.Equal("completed_with_failures", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Resend_IsSpacedThirtySeconds_AndAnswers429WithRetryAfter()
    {
        var (orderId, delivery) = await PlaceAsync();
        Assert.Equal(200, await InvokeAsync(delivery));

        using var tooSoon = await _orders.Buyer(_org).PostAsync($"/api/orders/{orderId}/lines/00001/resend", null);

        await tooSoon.AssertProblemAsync(429, "resend_too_soon");
        Assert.True(tooSoon.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var otherOrg = await _orders.Buyer(Api.NewId("org"))
            .PostAsync($"/api/orders/{orderId}/lines/00001/resend", null);
        await otherOrg.AssertProblemAsync(404, "order_not_found");
    }

    private string _org = "";

    private async Task<(string OrderId, OutgoingMessage Delivery)> PlaceAsync()
    {
        _org = await _orders.FundedOrgAsync(1_000_00);
        using var placed = await OrderApp.PostCsvAsync(_orders.Buyer(_org), OrderBodies.Csv(1), Api.NewId("order"));
        Assert.Equal(202, (int)placed.StatusCode);
        await _orders.DeliverChunksAsync();
        var delivery = Assert.Single(_orders.Deliveries);
        return ((await placed.JsonAsync()).GetProperty("orderId").GetString()!, delivery);
    }

    private async Task<int> InvokeAsync(OutgoingMessage message)
    {
        using var response = await _orders.App.CreateClient().InvokeAsync("DeliverGift", HostPayloads.ServiceBus(
            "message", Encoding.UTF8.GetString(message.Body.Span), message.MessageId));
        return (int)response.StatusCode;
    }

    private async Task<int> SentAsync(string orderId) =>
        (await (await _orders.Buyer(_org).GetAsync($"/api/orders/{orderId}")).JsonAsync())
        .GetProperty("counts").GetProperty("sent").GetInt32();
}
