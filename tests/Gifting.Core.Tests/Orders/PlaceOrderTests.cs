using Gifting.Core.Cards;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

public sealed class PlaceOrderTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    private readonly TestCore _core = new CoreBuilder().WithOrderLimits(OrderLimits.Default with { ChunkSize = 4 })
        .Build();

    [Fact]
    public async Task Order_IsAcceptedReservedAndIssuedOneCardPerLine()
    {
        await _core.AddFundingAsync(Acme, 1_000_00, "fund-1");

        var placed = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(10));
        var runs = await _core.DeliverChunksAsync();

        Assert.Equal(OrderStatus.Accepted, placed.Value.Status);
        Assert.Equal(3, runs.Count);
        Assert.Equal(new Money(750_00, "USD"), await _core.AvailableAsync(Acme));
        var order = await _core.OrderAsync(Acme, placed.Value.OrderId);
        Assert.Equal(10, order.Counts.Issued);
        Assert.Equal(OrderStatus.Delivering, order.Progress());
        var lines = _core.Orders.Lines;
        Assert.All(lines, l => Assert.Equal(LineStatus.Scheduled, l.Status));
        Assert.All(lines, l => Assert.NotNull(l.SealedCode));
        Assert.Equal(10, _core.Cards.Cards.Count(c => c.Line?.OrderId == order.OrderId));
        Assert.Equal(lines.Select(l => l.CardId), _core.Cards.Cards.OrderBy(c => c.Line!.Index).Select(c => c.CardId));
        Assert.All(_core.Cards.Cards, c => Assert.Equal(CardStatus.Active, c.Status));
        Assert.Empty(_core.UnfinishedOrders.Entries);
    }

    [Fact]
    public async Task Order_OverTheFunding_IsRefusedAndWritesNothing()
    {
        await _core.AddFundingAsync(Acme, 100_00, "fund-1");

        var placed = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(5));

        Assert.Equal(ErrorCode.InsufficientFunds, placed.Failure!.Code);
        Assert.Empty(_core.Orders.Lines);
        Assert.Empty(_core.Publisher.Sent);
        Assert.Equal(new Money(100_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Order_ChunkDeliveredTwiceAndConcurrently_LeavesOneCardPerLine()
    {
        await _core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(8));
        var messages = _core.DrainChunks();

        await Task.WhenAll(messages.Concat(messages).Concat(messages).Select(m =>
            Task.Run(() => _core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(m.Body), CancellationToken.None))));

        Assert.Equal(8, _core.Cards.Cards.Count);
        var order = (await _core.GetOrder.ListAsync(Acme, 10, null, CancellationToken.None)).Items.Single();
        Assert.Equal(8, order.Counts.Issued);
    }
}
