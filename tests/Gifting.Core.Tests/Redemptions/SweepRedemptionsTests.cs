using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

/// <summary>
/// Nobody comes back to a card left mid-redemption: the sweeper, reading only its index, finishes it a few minutes
/// later exactly as a retry would, and a normal redemption leaves it nothing to read.
/// </summary>
public sealed class SweepRedemptionsTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly TimeSpan PastTheGrace = TestCore.SweepAfter + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Redeem_WhenFinished_LeavesNothingForTheSweeper()
    {
        var core = new CoreBuilder().WithReviewAbove(500_00).Build();
        var normal = await core.IssueOneAsync(amount: 40_00);
        var held = await core.IssueOneAsync(amount: 600_00);

        await core.RedeemAsync(Alice, normal.Code.Display);
        await core.RedeemAsync(Alice, held.Code.Display);
        await core.ReviewAsync(held.Card.Serial, approve: true);

        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sweep_WhenClaimantNeverCameBack_FinishesTheRedemptionOnceAfterTheGrace(bool crashAfterCredit)
    {
        var builder = new CoreBuilder();
        builder = crashAfterCredit
            ? builder.WithLedgerStore(s => new CrashingLedgerStore(s))
            : builder.WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming));
        var core = builder.Build();
        var card = await core.IssueOneAsync(amount: 40_00);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.RedeemAsync(Alice, card.Code.Display));

        var early = await core.SweepAsync();
        Assert.Equal((0, CardStatus.Redeeming), (early.Due, (await core.CardAsync(card.Card.Serial)).Status));
        core.Clock.Advance(PastTheGrace);
        var swept = await core.SweepAsync();
        var again = await core.SweepAsync();

        Assert.Equal((1, 1), (swept.Due, swept.Completed));
        Assert.Equal(0, again.Due);
        Assert.Equal(CardStatus.Redeemed, (await core.CardAsync(card.Card.Serial)).Status);
        Assert.Equal(40_00, Assert.Single(core.Ledger.Entries(Alice)).After.Gift);
        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }

    [Fact]
    public async Task Sweep_WhenTheClaimNeverHappened_DropsTheEntryAndLeavesTheCard()
    {
        var core = new CoreBuilder()
            .WithUnfinishedRedemptionIndex(s => new CrashingUnfinishedRedemptionIndex(s))
            .Build();
        var card = await core.IssueOneAsync(amount: 40_00);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.RedeemAsync(Alice, card.Code.Display));
        core.Clock.Advance(PastTheGrace);

        var swept = await core.SweepAsync();

        Assert.Equal((1, 0), (swept.Due, swept.Completed));
        Assert.Equal(CardStatus.Active, (await core.CardAsync(card.Card.Serial)).Status);
        Assert.Empty(core.Ledger.Entries(Alice));
        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }

    [Fact]
    public async Task Sweep_WhenHeldClaimCrashedBeforeItsHold_RecordsTheHold()
    {
        var core = new CoreBuilder().WithReviewAbove(500_00)
            .WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Held)).Build();
        var card = await core.IssueOneAsync(amount: 600_00);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.RedeemAsync(Alice, card.Code.Display));
        Assert.Equal(0, (await core.BalanceAsync(Alice)).PendingReview.Amount);
        core.Clock.Advance(PastTheGrace);

        var swept = await core.SweepAsync();

        Assert.Equal((1, 0), (swept.Due, swept.Completed));
        Assert.Equal(600_00, (await core.BalanceAsync(Alice)).PendingReview.Amount);
        Assert.Equal(CardStatus.Held, (await core.CardAsync(card.Card.Serial)).Status);
        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sweep_WhenReviewerNeverRetriedACrashedDecision_CarriesItOut(bool approve)
    {
        var core = new CoreBuilder().WithReviewAbove(500_00)
            .WithCardStore(s => new CrashingCardStore(s, c => c.ReviewDecision is not null)).Build();
        var card = await core.IssueOneAsync(amount: 600_00);
        await core.RedeemAsync(Alice, card.Code.Display);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.ReviewAsync(card.Card.Serial, approve));
        core.Clock.Advance(PastTheGrace);

        await core.SweepAsync();

        var balance = await core.BalanceAsync(Alice);
        Assert.Equal((approve ? 600_00 : 0, 0), (balance.Gift.Amount, balance.PendingReview.Amount));
        Assert.Equal(
            approve ? CardStatus.Redeemed : CardStatus.Cancelled, (await core.CardAsync(card.Card.Serial)).Status);
        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sweep_WhenADueEntryIsForAnotherClaimOfTheCard_LeavesTheClaimInFlightToItsOwnStep(
        bool sameAccount)
    {
        var core = new CoreBuilder()
            .WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming)).Build();
        var card = await core.IssueOneAsync(amount: 40_00);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.RedeemAsync(Alice, card.Code.Display));
        var claim = (await core.CardAsync(card.Card.Serial)).RedemptionId!;
        // A step of an earlier claim (a card given back and claimed again), left in the index by a crash.
        var stale = sameAccount
            ? new UnfinishedRedemption(card.Card.Serial, "rdm_earlier", Alice, core.Clock.GetUtcNow() - PastTheGrace)
            : new UnfinishedRedemption(card.Card.Serial, claim, TestCore.Account("bob"),
                core.Clock.GetUtcNow() - PastTheGrace);
        await core.UnfinishedRedemptions.AddAsync(stale, CancellationToken.None);

        var swept = await core.SweepAsync();

        Assert.Equal((1, 0), (swept.Due, swept.Completed));
        Assert.Equal(CardStatus.Redeeming, (await core.CardAsync(card.Card.Serial)).Status);
        Assert.Empty(core.Ledger.Entries(Alice));
        Assert.Equal(claim, Assert.Single(core.UnfinishedRedemptions.Entries).RedemptionId);
        core.Clock.Advance(PastTheGrace);
        var later = await core.SweepAsync();
        Assert.Equal((1, 1), (later.Due, later.Completed));
        Assert.Equal(40_00, Assert.Single(core.Ledger.Entries(Alice)).After.Gift);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sweep_WhenADecisionOnAnOldClaimStopped_GivesTheReviewerItsGraceFromTheDecision(bool approve)
    {
        var core = new CoreBuilder().WithReviewAbove(500_00)
            .WithCardStore(s => new CrashingCardStore(s, c => c.ReviewDecision is not null)).Build();
        var card = await core.IssueOneAsync(amount: 600_00);
        await core.RedeemAsync(Alice, card.Code.Display);
        core.Clock.Advance(TimeSpan.FromDays(2));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.ReviewAsync(card.Card.Serial, approve));
        var decided = await core.CardAsync(card.Card.Serial);

        var early = await core.SweepAsync();
        core.Clock.Advance(PastTheGrace);
        var swept = await core.SweepAsync();

        Assert.Equal(approve ? CardStatus.Redeeming : CardStatus.Cancelled, decided.Status);
        Assert.Equal(0, early.Due);
        Assert.Equal((1, approve ? 1 : 0), (swept.Due, swept.Completed));
        Assert.Equal(approve ? 600_00 : 0, (await core.BalanceAsync(Alice)).Gift.Amount);
        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }
}
