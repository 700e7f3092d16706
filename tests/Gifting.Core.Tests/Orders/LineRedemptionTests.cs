using Gifting.Core.Cards;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>
/// Redeeming an e-gift's card makes its line redeemed, erases its sealed code and counts it once on the order, also
/// when the redemption is finished again or by the sweeper after a crash part way.
/// </summary>
public sealed class LineRedemptionTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task Redeem_OfALinesCard_MarksTheLineRedeemedAndCountsOnce()
    {
        var core = OrderChecks.Builder().Build();
        var (orderId, line) = await IssueAsync(core);

        var redeemed = await core.RedeemAsync(Alice, OrderChecks.CodeOf(core, line).Display);

        Assert.True(redeemed.Succeeded);
        await AssertRedeemedOnceAsync(core, orderId, line);
    }

    [Fact]
    public async Task Redeem_CompletedAgain_CountsTheLineOnce()
    {
        var core = OrderChecks.Builder()
            .WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming)).Build();
        var (orderId, line) = await IssueAsync(core);
        await Assert.ThrowsAsync<SimulatedCrashException>(
            () => core.RedeemAsync(Alice, OrderChecks.CodeOf(core, line).Display));
        var claimed = await core.Cards.FindBySerialAsync(line.Serial!, CancellationToken.None);

        await core.CompleteRedemption.ExecuteAsync(claimed!, CancellationToken.None);
        await core.CompleteRedemption.ExecuteAsync(claimed!, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => core.CompleteRedemption.ExecuteAsync(claimed!, CancellationToken.None))));

        await AssertRedeemedOnceAsync(core, orderId, line);
    }

    public enum Crash
    {
        AfterTheCardIsRedeemed,
        BeforeTheCount,
        AfterTheCount,
    }

    [Theory]
    [InlineData(Crash.AfterTheCardIsRedeemed)]
    [InlineData(Crash.BeforeTheCount)]
    [InlineData(Crash.AfterTheCount)]
    public async Task Redeem_StoppedBeforeItsLineFollowed_IsFinishedOnceByTheSweeper(Crash crash)
    {
        var builder = OrderChecks.Builder();
        builder = crash switch
        {
            Crash.AfterTheCardIsRedeemed =>
                builder.WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Redeemed)),
            Crash.BeforeTheCount => builder.WithOrderStore(s => new CrashingOrderStore(s, OrderWrite.Count, 4, true)),
            _ => builder.WithOrderStore(s => new CrashingOrderStore(s, OrderWrite.Count, 4)),
        };
        var core = builder.Build();
        var (orderId, line) = await IssueAsync(core);
        await Assert.ThrowsAsync<SimulatedCrashException>(
            () => core.RedeemAsync(Alice, OrderChecks.CodeOf(core, line).Display));

        core.Clock.Advance(TestCore.SweepAfter + TimeSpan.FromSeconds(1));
        var swept = await core.SweepAsync();
        await core.SweepAsync();

        await AssertRedeemedOnceAsync(core, orderId, line);
        Assert.Empty(core.UnfinishedRedemptions.Entries);
        // The card was credited already: the sweep finished its line, not a claim.
        Assert.Equal((1, 0), (swept.Due, swept.Completed));
    }

    /// <summary>An issued order of ten lines (three chunks, so three counts), and its first line.</summary>
    private static async Task<(string OrderId, GiftLine Line)> IssueAsync(TestCore core)
    {
        await core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        var placed = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(10));
        await core.DeliverChunksAsync();
        return (placed.Value.OrderId, OrderChecks.LinesOf(core, placed.Value.OrderId)[0]);
    }

    private static async Task AssertRedeemedOnceAsync(TestCore core, string orderId, GiftLine issued)
    {
        var line = OrderChecks.LinesOf(core, orderId)[0];
        Assert.Equal((LineStatus.Redeemed, null, false), (line.Status, line.SealedCode, line.Uncounted));
        Assert.NotNull(line.RedeemedAt);
        Assert.Equal(CardStatus.Redeemed, (await core.CardAsync(issued.Serial!)).Status);
        var order = await core.OrderAsync(Acme, orderId);
        Assert.Equal(1, order.Counts.Redeemed);
        Assert.Equal(10, order.Counts.Issued);
        Assert.DoesNotContain(core.Orders.MarksOf(Acme, orderId),
            m => m.StartsWith("redeemed-", StringComparison.Ordinal));
        Assert.Equal(25_00, (await core.BalanceAsync(Alice)).Gift.Amount);
        Assert.All(OrderChecks.LinesOf(core, orderId).Skip(1), l => Assert.Equal(LineStatus.Scheduled, l.Status));
    }
}
