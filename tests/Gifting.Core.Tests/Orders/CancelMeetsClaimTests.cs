using Gifting.Core.Cards;
using Gifting.Core.Ledger;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Orders;

/// <summary>
/// A cancellation that meets a line's card claimed, or held for review, leaves the line to the claim only as long as
/// the claim may still win: a claim that ends without a redemption leaves the line cancelled and its value given back.
/// </summary>
public sealed class CancelMeetsClaimTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");
    private static readonly AccountId Alice = TestCore.Account("alice");
    private const long Funded = 1_000_00;

    [Fact]
    public async Task Cancel_WhenALinesClaimIsMidway_FinishesTheRedemptionAndKeepsTheLineRedeemed()
    {
        var core = OrderChecks.Builder()
            .WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming)).Build();
        var (orderId, line) = await IssueAsync(core);
        await Assert.ThrowsAsync<SimulatedCrashException>(
            () => core.RedeemAsync(Alice, OrderChecks.CodeOf(core, line).Display));

        await CancelAsync(core, orderId);

        Assert.Equal(LineStatus.Redeemed, OrderChecks.LinesOf(core, orderId)[0].Status);
        Assert.Equal(25_00, (await core.BalanceAsync(Alice)).Gift.Amount);
        await AssertGivenBackAsync(core, orderId, cancelledLines: 3);
    }

    [Fact]
    public async Task Cancel_WhenALinesClaimCanNoLongerBeCredited_CancelsTheLineAndGivesItsValueBack()
    {
        var core = OrderChecks.Builder()
            .WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming)).Build();
        var (orderId, line) = await IssueAsync(core);
        await Assert.ThrowsAsync<SimulatedCrashException>(
            () => core.RedeemAsync(Alice, OrderChecks.CodeOf(core, line).Display));
        var de = await core.IssueOneAsync(marketplace: "DE");
        Assert.True((await core.RedeemAsync(Alice, de.Code.Display, tokenMarketplace: "DE")).Succeeded);

        await CancelAsync(core, orderId);

        Assert.Equal(CardStatus.Cancelled, (await core.CardAsync(line.Serial!)).Status);
        await AssertGivenBackAsync(core, orderId, cancelledLines: 4);
    }

    [Fact]
    public async Task Cancel_WhileALinesRedemptionIsHeld_ThenDeclined_CancelsTheLineAndGivesItsValueBack()
    {
        var core = OrderChecks.Builder().WithReviewAbove(20_00).Build();
        var (orderId, line) = await IssueAsync(core);
        await core.RedeemAsync(Alice, OrderChecks.CodeOf(core, line).Display);
        Assert.Equal(CardStatus.Held, (await core.CardAsync(line.Serial!)).Status);
        await CancelAsync(core, orderId);

        var declined = await core.ReviewAsync(line.Serial!, approve: false);
        await core.DeliverChunksAsync();
        core.Clock.Advance(TimeSpan.FromMinutes(10));
        await core.SweepAsync();
        await OrderChecks.SweepAsync(core);
        await core.DeliverChunksAsync();

        Assert.Equal(CardStatus.Cancelled, declined.Value.Status);
        await AssertGivenBackAsync(core, orderId, cancelledLines: 4);
    }

    [Fact]
    public async Task Cancel_WhileALinesRedemptionIsHeld_ThenDeclinedAndCrashed_IsFinishedByTheSweeper()
    {
        var core = OrderChecks.Builder().WithReviewAbove(20_00).WithCardStore(s =>
            new CrashingCardStore(s, c => c.ReviewDecision == ReviewDecision.Declined)).Build();
        var (orderId, line) = await IssueAsync(core);
        await core.RedeemAsync(Alice, OrderChecks.CodeOf(core, line).Display);
        await CancelAsync(core, orderId);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.ReviewAsync(line.Serial!, approve: false));

        core.Clock.Advance(TestCore.SweepAfter + TimeSpan.FromSeconds(1));
        await core.SweepAsync();
        await core.SweepAsync();

        await AssertGivenBackAsync(core, orderId, cancelledLines: 4);
        Assert.Empty(core.UnfinishedRedemptions.Entries);
        Assert.Empty(core.Holds.List(Alice));
    }

    [Fact]
    public async Task Cancel_WhileALinesRedemptionIsHeld_ThenApproved_KeepsTheLineRedeemed()
    {
        var core = OrderChecks.Builder().WithReviewAbove(20_00).Build();
        var (orderId, line) = await IssueAsync(core);
        await core.RedeemAsync(Alice, OrderChecks.CodeOf(core, line).Display);
        await CancelAsync(core, orderId);

        await core.ReviewAsync(line.Serial!, approve: true);

        Assert.Equal(LineStatus.Redeemed, OrderChecks.LinesOf(core, orderId)[0].Status);
        Assert.Equal(25_00, (await core.BalanceAsync(Alice)).Gift.Amount);
        await AssertGivenBackAsync(core, orderId, cancelledLines: 3);
    }

    private static async Task<(string OrderId, GiftLine Line)> IssueAsync(TestCore core)
    {
        await core.AddFundingAsync(Acme, Funded, "fund-1");
        var placed = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(4));
        await core.DeliverChunksAsync();
        return (placed.Value.OrderId, OrderChecks.LinesOf(core, placed.Value.OrderId)[0]);
    }

    private static async Task CancelAsync(TestCore core, string orderId)
    {
        await core.CancelOrder.ExecuteAsync(new CancelOrderCommand(Acme, orderId, "buyer-1"), CancellationToken.None);
        await core.DeliverChunksAsync();
    }

    /// <summary>
    /// Every line is redeemed or cancelled, a cancelled one without its code and with its value back once; the order's
    /// total is the redeemed plus the given back.
    /// </summary>
    private static async Task AssertGivenBackAsync(TestCore core, string orderId, int cancelledLines)
    {
        var lines = OrderChecks.LinesOf(core, orderId);
        Assert.All(lines, l => Assert.Null(l.SealedCode));
        Assert.Equal(cancelledLines, lines.Count(l => l.Status == LineStatus.Cancelled));
        Assert.Equal(4 - cancelledLines, lines.Count(l => l.Status == LineStatus.Redeemed));
        Assert.Equal(cancelledLines, OrderChecks.FundingOf(core, Acme, orderId, EntryType.OrderRelease).Count);
        Assert.Equal(new Money(Funded - ((4 - cancelledLines) * 25_00), "USD"), await core.AvailableAsync(Acme));
        Assert.DoesNotContain(OrderChecks.CardsOf(core, orderId), c => c.Status == CardStatus.Active);
        Assert.Equal(4 - cancelledLines, (await core.OrderAsync(Acme, orderId)).Counts.Redeemed);
    }
}
