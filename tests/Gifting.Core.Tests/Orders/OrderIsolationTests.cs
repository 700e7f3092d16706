using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>Another org's order is not found, exactly as an order that does not exist, and is left as it was.</summary>
public sealed class OrderIsolationTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");
    private static readonly OrgId Globex = TestCore.Org("globex");

    private readonly TestCore _core = OrderChecks.Builder().Build();

    [Fact]
    public async Task Order_AskedForByAnotherOrg_IsNotFound()
    {
        var orderId = await PlaceAsync();

        var order = await _core.GetOrder.ExecuteAsync(Globex, orderId, CancellationToken.None);
        var lines = await _core.GetOrder.LinesAsync(Globex, orderId, 10, null, CancellationToken.None);
        var list = await _core.GetOrder.ListAsync(Globex, 10, null, CancellationToken.None);
        var missing = await _core.GetOrder.ExecuteAsync(Acme, "0123456789abcdef0123456789abcdef", default);

        Assert.Equal(ErrorCode.OrderNotFound, order.Failure!.Code);
        Assert.Equal(ErrorCode.OrderNotFound, lines.Failure!.Code);
        Assert.Empty(list.Items);
        Assert.Equal((missing.Failure!.Code, missing.Failure.Detail), (order.Failure.Code, order.Failure.Detail));
    }

    [Fact]
    public async Task Order_CancelledByAnotherOrg_IsNotFoundAndStaysIssued()
    {
        var orderId = await PlaceAsync();

        var cancelled = await _core.CancelOrder.ExecuteAsync(
            new CancelOrderCommand(Globex, orderId, "intruder"), CancellationToken.None);
        await _core.DeliverChunksAsync();

        Assert.Equal(ErrorCode.OrderNotFound, cancelled.Failure!.Code);
        await OrderChecks.AssertIssuedOnceAsync(_core, Acme, orderId, 5);
        Assert.Equal(new Money(875_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Chunk_NamingAnotherOrg_TouchesNothing()
    {
        var orderId = await PlaceAsync(deliver: false);

        var run = await _core.ProcessOrderChunk.ExecuteAsync(new OrderChunkCommand(Globex, orderId, 0), default);

        Assert.Equal(ErrorCode.OrderNotFound, run.Failure!.Code);
        Assert.Empty(_core.Cards.Cards);
    }

    private async Task<string> PlaceAsync(bool deliver = true)
    {
        await _core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        await _core.AddFundingAsync(Globex, 1_000_00, "fund-1");
        var placed = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(5));
        if (deliver) await _core.DeliverChunksAsync();
        return placed.Value.OrderId;
    }
}
