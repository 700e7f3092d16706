using Gifting.Core.Cards;
using Gifting.Core.Liability;
using Gifting.Testing;

namespace Gifting.Core.Tests.Liability;

/// <summary>
/// The running totals move once per step whoever finishes it: a redemption that stopped after its credit and is
/// finished by a retry, the sweeper or support; a held card approved or declined, even when the review stopped after
/// its decision; a card cancelled twice.
/// </summary>
public sealed class LiabilityTotalsTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly DateOnly Always = DateOnly.MinValue;

    private static async Task<LiabilityFigures> UsAsync(TestCore core) =>
        Assert.Single(await core.Liability.ReadAsync(Marketplace.Default, Always, DateOnly.MaxValue, default));

    public enum Follower { Retry, Sweeper, SupportLookup }

    [Theory]
    [InlineData(Follower.Retry)]
    [InlineData(Follower.Sweeper)]
    [InlineData(Follower.SupportLookup)]
    public async Task Redemption_StoppedAfterItsCredit_IsCountedOnceByWhoeverFinishesIt(Follower follower)
    {
        var core = new CoreBuilder().WithLedgerStore(s => new CrashingLedgerStore(s)).Build();
        var issued = await core.IssueOneAsync(amount: 40_00);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.RedeemAsync(Alice, issued.Code.Display));

        switch (follower)
        {
            case Follower.Retry:
                await core.RedeemAsync(Alice, issued.Code.Display);
                break;
            case Follower.Sweeper:
                core.Clock.Advance(TestCore.SweepAfter * 2);
                await core.SweepAsync();
                break;
            case Follower.SupportLookup:
                await core.GetCard.ExecuteAsync(issued.Card.Serial, CancellationToken.None);
                break;
        }
        await core.RedeemAsync(Alice, issued.Code.Display);

        var us = await UsAsync(core);
        Assert.Equal((0, 40_00, 0L), (us.UnredeemedCards, us.Gift, us.PendingReview));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HeldRedemption_MovesToPendingReview_AndLeavesItOnceDecided(bool approve)
    {
        var core = new CoreBuilder().WithReviewAbove(100_00).Build();
        var issued = await core.IssueOneAsync(amount: 300_00);
        await core.RedeemAsync(Alice, issued.Code.Display);
        var held = await UsAsync(core);

        await core.ReviewAsync(issued.Card.Serial, approve);
        await core.ReviewAsync(issued.Card.Serial, approve);
        core.Clock.Advance(TestCore.SweepAfter * 2);
        await core.SweepAsync();

        Assert.Equal((0, 300_00L), (held.UnredeemedCards, held.PendingReview));
        var decided = await UsAsync(core);
        Assert.Equal((0, approve ? 300_00 : 0, 0L), (decided.UnredeemedCards, decided.Gift, decided.PendingReview));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HeldRedemption_WhenTheReviewStoppedAfterItsDecision_IsCountedOnceByTheSweeper(bool approve)
    {
        var core = new CoreBuilder().WithReviewAbove(100_00)
            .WithCardStore(s => new CrashingCardStore(s, c => c.ReviewDecision is not null)).Build();
        var issued = await core.IssueOneAsync(amount: 300_00);
        await core.RedeemAsync(Alice, issued.Code.Display);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.ReviewAsync(issued.Card.Serial, approve));
        var stopped = await UsAsync(core);

        core.Clock.Advance(TestCore.SweepAfter * 2);
        await core.SweepAsync();
        await core.SweepAsync();

        Assert.Equal(300_00L, stopped.PendingReview);
        var decided = await UsAsync(core);
        Assert.Equal((0, approve ? 300_00 : 0, 0L), (decided.UnredeemedCards, decided.Gift, decided.PendingReview));
    }

    [Fact]
    public async Task Cancellation_RepeatedAndDebitsReplayed_AreCountedOnce()
    {
        var core = new CoreBuilder().Build();
        var kept = await core.IssueOneAsync(amount: 10_00);
        var cancelled = await core.IssueOneAsync(amount: 25_00);

        await core.CancelCard.ExecuteAsync(cancelled.Card.Serial, CancellationToken.None);
        await core.CancelCard.ExecuteAsync(cancelled.Card.Serial, CancellationToken.None);

        var us = await UsAsync(core);
        Assert.Equal(10_00, us.UnredeemedCards);
        Assert.NotEqual(kept.Card.CardId, cancelled.Card.CardId);
    }
}
