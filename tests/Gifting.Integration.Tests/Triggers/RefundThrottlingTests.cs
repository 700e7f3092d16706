using System.Net;
using System.Text.Json;
using Gifting.Core.Ledger;

namespace Gifting.Integration.Tests.Triggers;

/// <summary>
/// Throttling is transient: the invocation fails (non-2xx) so Service Bus redelivers the message, rather than
/// recording it as a message that can never succeed or completing it uncredited.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class RefundThrottlingTests(CosmosFixture cosmos)
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task ProcessRefund_WhenCosmosThrottlesPastTheSdkRetries_FailsTheInvocationAndRedeliveryCredits(
        HttpStatusCode status)
    {
        using var plain = new GiftingFactory(cosmos);
        var (shopper, account) = await plain.FundedShopperAsync(1000);
        using var app = new GiftingFactory(cosmos,
            services => services.Decorate<ILedgerStore>(inner => new ThrottledLedgerStore(inner, status)));
        var refundId = Api.NewId("refund");
        var body = JsonSerializer.Serialize(new
        {
            refundId, accountId = account, orderId = "order-1", amount = new { amount = 30, currency = "USD" },
            origin = "external",
        });

        using var first = await app.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body));
        var balanceAfterFirst = await shopper.GiftBalanceAsync();
        using var redelivered = await app.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", body, deliveryCount: 2));

        Assert.False(first.IsSuccessStatusCode, $"The throttled invocation answered {(int)first.StatusCode}.");
        Assert.Equal(1000, balanceAfterFirst);
        Assert.Empty(await cosmos.RejectionsMentioningAsync(refundId));
        Assert.Equal(200, (int)redelivered.StatusCode);
        Assert.Equal(1030, await shopper.GiftBalanceAsync());
    }
}
