using Gifting.Core.Cards;
using Gifting.Core.Ledger;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>
/// Cancelling an order cancels every line not yet redeemed, lines still being issued included, and gives each line's
/// value back once: the funding ends where it was before the order, less what was redeemed.
/// </summary>
public sealed class CancelOrderTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");
    private static readonly AccountId Alice = TestCore.Account("alice");
    private const long Funded = 1_000_00;
    private const int LineCount = 10;

    private readonly TestCore _core = OrderChecks.Builder().Build();

    [Fact]
    public async Task Cancel_AfterIssuing_CancelsEveryCardAndLineAndGivesEverythingBack()
    {
        var orderId = await PlaceAsync();
        await _core.DeliverChunksAsync();

        var cancelled = await CancelAsync(orderId);
        await _core.DeliverChunksAsync();

        Assert.Equal(OrderStatus.Cancelled, cancelled.Value.Status);
        AssertAllCancelled(orderId);
        Assert.Equal(new Money(Funded, "USD"), await _core.AvailableAsync(Acme));
        Assert.Empty(_core.UnfinishedOrders.Entries);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancel_WhileIssuing_LeavesNoActiveCardWhateverOrderTheMessagesCome(bool staleIssuesLast)
    {
        var orderId = await PlaceAsync();
        var issues = _core.DrainChunks();
        await _core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(issues[0].Body), CancellationToken.None);

        await CancelAsync(orderId);
        var cancels = _core.DrainChunks();
        var stale = issues.Skip(1).ToList();
        foreach (var message in staleIssuesLast ? cancels.Concat(stale) : stale.Concat(cancels))
            await _core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(message.Body), CancellationToken.None);

        AssertAllCancelled(orderId);
        Assert.Equal(new Money(Funded, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Cancel_WhileIssuingConcurrently_LeavesNoActiveCardAndGivesEverythingBack()
    {
        var orderId = await PlaceAsync();
        var issues = _core.DrainChunks();

        var issuing = issues.Select(m => Task.Run(() => _core.ProcessOrderChunk.ExecuteAsync(
            TestCore.ChunkOf(m.Body), CancellationToken.None))).ToList();
        await CancelAsync(orderId);
        await Task.WhenAll(issuing);
        await Task.WhenAll(_core.DrainChunks().Concat(issues).Select(m => Task.Run(() =>
            _core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(m.Body), CancellationToken.None))));

        AssertAllCancelled(orderId);
        Assert.Equal(new Money(Funded, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Cancel_BeforeAnyLineWasIssued_CancelsEveryLineAndGivesEverythingBack()
    {
        _core.Publisher.FailNext();
        var orderId = await PlaceAsync();

        await CancelAsync(orderId);
        await OrderChecks.SweepAsync(_core);
        await _core.DeliverChunksAsync();

        AssertAllCancelled(orderId);
        Assert.Empty(_core.Cards.Cards);
        Assert.Equal(new Money(Funded, "USD"), await _core.AvailableAsync(Acme));
        Assert.Empty(_core.UnfinishedOrders.Entries);
    }

    [Fact]
    public async Task Cancel_Twice_GivesEachLineBackOnce()
    {
        var orderId = await PlaceAsync();
        await _core.DeliverChunksAsync();

        await CancelAsync(orderId);
        var cancels = _core.Publisher.Sent;
        await _core.DeliverChunksAsync();
        var again = await CancelAsync(orderId);
        foreach (var message in cancels.Concat(_core.DrainChunks()))
            await _core.ProcessOrderChunk.ExecuteAsync(TestCore.ChunkOf(message.Body), CancellationToken.None);

        Assert.Equal(OrderStatus.Cancelled, again.Value.Status);
        Assert.Equal(LineCount, OrderChecks.FundingOf(_core, Acme, orderId, EntryType.OrderRelease).Count);
        Assert.Equal(new Money(Funded, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Cancel_WhenItsMessagesFailToSend_IsFinishedByTheSweeper()
    {
        var orderId = await PlaceAsync();
        await _core.DeliverChunksAsync();

        _core.Publisher.FailNext();
        var cancelled = await CancelAsync(orderId);
        await OrderChecks.SweepAsync(_core);
        await _core.DeliverChunksAsync();

        Assert.Equal(OrderStatus.Cancelled, cancelled.Value.Status);
        AssertAllCancelled(orderId);
        Assert.Equal(new Money(Funded, "USD"), await _core.AvailableAsync(Acme));
        Assert.Empty(_core.UnfinishedOrders.Entries);
    }

    [Fact]
    public async Task Cancel_AfterALineWasRedeemed_KeepsItRedeemedAndGivesBackOnlyTheOthers()
    {
        var orderId = await PlaceAsync();
        await _core.DeliverChunksAsync();
        var first = OrderChecks.LinesOf(_core, orderId)[0];
        var redeemed = await _core.RedeemAsync(Alice, OrderChecks.CodeOf(_core, first).Display);
        Assert.True(redeemed.Succeeded);

        await CancelAsync(orderId);
        await _core.DeliverChunksAsync();

        var lines = OrderChecks.LinesOf(_core, orderId);
        Assert.Equal(LineStatus.Redeemed, lines[0].Status);
        Assert.Null(lines[0].SealedCode);
        Assert.Equal(CardStatus.Redeemed, (await _core.CardAsync(first.Serial!)).Status);
        Assert.All(lines.Skip(1), l => Assert.Equal(LineStatus.Cancelled, l.Status));
        var released = OrderChecks.FundingOf(_core, Acme, orderId, EntryType.OrderRelease);
        Assert.Equal(LineCount - 1, released.Count);
        Assert.Equal(new Money(Funded - 25_00, "USD"), await _core.AvailableAsync(Acme));
        Assert.Equal(1, (await _core.OrderAsync(Acme, orderId)).Counts.Redeemed);
        Assert.Equal(25_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    private async Task<string> PlaceAsync()
    {
        await _core.AddFundingAsync(Acme, Funded, "fund-1");
        var placed = await _core.PlaceAsync(Acme, "key-1", TestCore.Lines(LineCount));
        return placed.Value.OrderId;
    }

    private Task<Result<Order>> CancelAsync(string orderId) =>
        _core.CancelOrder.ExecuteAsync(new CancelOrderCommand(Acme, orderId, "buyer-1"), CancellationToken.None);

    private void AssertAllCancelled(string orderId)
    {
        var lines = OrderChecks.LinesOf(_core, orderId);
        Assert.Equal(LineCount, lines.Count);
        Assert.All(lines, l => Assert.Equal((LineStatus.Cancelled, null), (l.Status, l.SealedCode)));
        Assert.DoesNotContain(_core.Cards.Cards, c => c.Status != CardStatus.Cancelled);
        OrderChecks.AssertNoCardWithoutItsLine(_core);
        var released = OrderChecks.FundingOf(_core, Acme, orderId, EntryType.OrderRelease);
        Assert.Equal(LineCount, released.Count);
        Assert.Equal(LineCount, released.Select(e => e.OpKey).Distinct().Count());
    }
}
