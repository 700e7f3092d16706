using System.Net;
using System.Text;
using Gifting.Integration.Tests.Communication;
using Gifting.Integration.Tests.Orders;

namespace Gifting.Integration.Tests.Delivery;

/// <summary>
/// A run that sent a delivery and stopped before recording it: its claim lapses, and the message's redelivery sends
/// again under the same repeatability id (the one ACS drops within its window), and the order counts the line once.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class DeliveryCrashTests(CosmosFixture cosmos) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(5);

    private readonly CosmosFaults _faults = new();
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
            ["Delivery:ClaimLease"] = ClaimLease.ToString(),
        }, services => CosmosFaults.Install(services, cosmos, _faults));
    }

    public Task DisposeAsync() => _acs.DisposeAsync().AsTask();

    public void Dispose() => _orders.Dispose();

    [Fact]
    public async Task Delivery_StoppedBetweenSendingAndRecording_IsSentAgainUnderTheSameIdAndCountedOnce()
    {
        var org = await _orders.FundedOrgAsync(1_000_00);
        using var placed = await OrderApp.PostCsvAsync(_orders.Buyer(org), OrderBodies.Csv(1), Api.NewId("order"));
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        await _orders.DeliverChunksAsync();
        var delivery = Assert.Single(_orders.Deliveries);
        var payload = HostPayloads.ServiceBus("message", Encoding.UTF8.GetString(delivery.Body.Span),
            delivery.MessageId);
        // The first write after the send is the order's count: failing it stops the run with the delivery claimed.
        _faults.Inject(r => r.Method.Method == "PATCH" && CosmosFaults.Targets(r, "orders"),
            HttpStatusCode.ServiceUnavailable, limit: 1);

        using var stopped = await _orders.App.CreateClient().InvokeAsync("DeliverGift", payload);
        _faults.Clear();
        using var tooEarly = await _orders.App.CreateClient().InvokeAsync("DeliverGift", payload);
        await Task.Delay(ClaimLease + TimeSpan.FromSeconds(1));
        using var redelivered = await _orders.App.CreateClient().InvokeAsync("DeliverGift", payload);

        Assert.NotEqual(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var sends = _acs.Accepted.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, sends.Count);
        Assert.Single(sends.Select(r => r.Header("Operation-Id")).Distinct());
        var order = await (await _orders.Buyer(org).GetAsync($"/api/orders/{orderId}")).JsonAsync();
        Assert.Equal(1, order.GetProperty("counts").GetProperty("sent").GetInt32());
        Assert.Equal("completed", order.GetProperty("status").GetString());
    }
}
