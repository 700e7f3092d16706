using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

/// <summary>A decision applies only to a held card, and only one decision is ever applied to it.</summary>
public sealed class ReviewDecidedOnceTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Review_WhenCardIsMidRedemptionWithoutHold_AnswersNotUnderReviewAndLeavesIt(bool approve)
    {
        var core = new CoreBuilder()
            .WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming)).Build();
        var card = await core.IssueOneAsync(amount: 40_00);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.RedeemAsync(Alice, card.Code.Display));

        var result = await core.ReviewAsync(card.Card.Serial, approve);

        Assert.Equal(ErrorCode.NotUnderReview, result.Failure?.Code);
        Assert.Equal(CardStatus.Redeeming, (await core.CardAsync(card.Card.Serial)).Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Review_WhenCardWasRedeemedWithoutHold_AnswersNotUnderReview(bool approve)
    {
        var core = TestCore.Create();
        var card = await core.IssueOneAsync(amount: 40_00);
        await core.RedeemAsync(Alice, card.Code.Display);

        var result = await core.ReviewAsync(card.Card.Serial, approve);

        Assert.Equal(ErrorCode.NotUnderReview, result.Failure?.Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Review_WhenTheOtherDecisionWasMadeFirst_AnswersNotUnderReview(bool first)
    {
        var core = new CoreBuilder().WithReviewAbove(500_00).Build();
        var card = await core.IssueOneAsync(amount: 600_00);
        await core.RedeemAsync(Alice, card.Code.Display);
        Assert.True((await core.ReviewAsync(card.Card.Serial, first)).Succeeded);

        var late = await core.ReviewAsync(card.Card.Serial, !first);

        Assert.Equal(ErrorCode.NotUnderReview, late.Failure?.Code);
        var after = await core.CardAsync(card.Card.Serial);
        Assert.Equal(first ? CardStatus.Redeemed : CardStatus.Cancelled, after.Status);
        Assert.Equal(first ? 1 : 0, core.Ledger.Entries(Alice).Count);
    }

    [Fact]
    public async Task ApproveAndDecline_WhenConcurrent_ExactlyOneWinsAndTheCardShowsIt()
    {
        for (var round = 0; round < 20; round++)
        {
            var core = new CoreBuilder().WithReviewAbove(500_00)
                .WithCardStore(s => new YieldingCardStore(s)).WithLedgerStore(s => new YieldingLedgerStore(s)).Build();
            var card = await core.IssueOneAsync(amount: 600_00);
            await core.RedeemAsync(Alice, card.Code.Display);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            var decisions = new[] { true, false }.Select(approve => Task.Run(async () =>
            {
                await start.Task;
                return (Approve: approve, Result: await core.ReviewAsync(card.Card.Serial, approve));
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(decisions);

            var winner = Assert.Single(results, r => r.Result.Succeeded);
            Assert.Equal(
                ErrorCode.NotUnderReview, Assert.Single(results, r => !r.Result.Succeeded).Result.Failure?.Code);
            var after = await core.CardAsync(card.Card.Serial);
            Assert.Equal(winner.Approve ? CardStatus.Redeemed : CardStatus.Cancelled, after.Status);
            Assert.Equal(after.Status, winner.Result.Value.Status);
            Assert.Equal(winner.Approve ? 1 : 0, core.Ledger.Entries(Alice).Count);
            Assert.Equal(0, (await core.BalanceAsync(Alice)).PendingReview.Amount);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Review_WhenAnotherReviewerRepeatsTheDecision_AnswersNotUnderReview(bool approve)
    {
        var core = new CoreBuilder().WithReviewAbove(500_00).Build();
        var card = await core.IssueOneAsync(amount: 600_00);
        await core.RedeemAsync(Alice, card.Code.Display);
        Assert.True((await core.ReviewAsync(card.Card.Serial, approve, reviewer: "support-1")).Succeeded);

        var again = await core.ReviewAsync(card.Card.Serial, approve, reviewer: "support-2");
        var repeated = await core.ReviewAsync(card.Card.Serial, approve, reviewer: "support-1");

        Assert.Equal(ErrorCode.NotUnderReview, again.Failure?.Code);
        Assert.True(repeated.Succeeded);
        Assert.Equal(approve ? CardStatus.Redeemed : CardStatus.Cancelled, repeated.Value.Status);
        Assert.Equal(approve ? 1 : 0, core.Ledger.Entries(Alice).Count);
    }

    [Fact]
    public async Task Decline_WhenRetriedAfterCrashBeforeTheHoldWasRemoved_FinishesAndAnswersCancelled()
    {
        var core = new CoreBuilder().WithReviewAbove(500_00)
            .WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Cancelled)).Build();
        var card = await core.IssueOneAsync(amount: 600_00);
        await core.RedeemAsync(Alice, card.Code.Display);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.ReviewAsync(card.Card.Serial, approve: false));
        Assert.Equal(600_00, (await core.BalanceAsync(Alice)).PendingReview.Amount);

        var retried = await core.ReviewAsync(card.Card.Serial, approve: false);

        Assert.Equal(CardStatus.Cancelled, retried.Value.Status);
        Assert.Equal(0, (await core.BalanceAsync(Alice)).PendingReview.Amount);
        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }

    [Fact]
    public async Task Approve_WhenTheCreditIsRefused_AnswersTheCardAsGivenBack()
    {
        var core = new CoreBuilder().WithReviewAbove(500_00).Build();
        var held = await core.IssueOneAsync(amount: 600_00);
        await core.RedeemAsync(Alice, held.Code.Display);
        // Meanwhile Alice's balance is opened in Canada, so a US card can no longer be credited to it.
        var canadian = await core.IssueOneAsync(amount: 10_00, marketplace: "CA");
        Assert.True((await core.RedeemAsync(Alice, canadian.Code.Display, tokenMarketplace: "CA")).Succeeded);

        var approved = await core.ReviewAsync(held.Card.Serial, approve: true);

        Assert.Equal(CardStatus.Active, approved.Value.Status);
        Assert.Equal(CardStatus.Active, (await core.CardAsync(held.Card.Serial)).Status);
        Assert.Empty(core.Holds.List(Alice));
    }
}
