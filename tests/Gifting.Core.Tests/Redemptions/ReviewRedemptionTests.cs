using Gifting.Core;
using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

public sealed class ReviewRedemptionTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");
    private readonly TestCore _core = new CoreBuilder().WithReviewAbove(500_00).Build();

    [Fact]
    public async Task Redeem_WhenRuleHoldsCard_IsPendingAndCreditsNothing()
    {
        var card = await _core.IssueOneAsync(amount: 500_00);

        var held = await _core.RedeemAsync(Alice, card.Code.Display);
        var again = await _core.RedeemAsync(Alice, card.Code.Display);
        var other = await _core.RedeemAsync(Bob, card.Code.Display);

        Assert.True(held.Value.PendingReview);
        Assert.Equal(held.Value.RedemptionId, again.Value.RedemptionId);
        Assert.True(again.Value.PendingReview);
        Assert.Equal(ErrorCode.AlreadyRedeemed, other.Failure?.Code);
        var balance = await _core.BalanceAsync(Alice);
        Assert.Equal(0, balance.Available.Amount);
        Assert.Equal(500_00, balance.PendingReview.Amount);
        Assert.Empty(_core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Redeem_BelowThreshold_IsCreditedAtOnce()
    {
        var card = await _core.IssueOneAsync(amount: 499_99);

        var redeemed = await _core.RedeemAsync(Alice, card.Code.Display);

        Assert.False(redeemed.Value.PendingReview);
        Assert.Equal(499_99, redeemed.Value.Balance!.Available.Amount);
    }

    [Fact]
    public async Task Approve_CreditsClaimantOnceAndClearsPending()
    {
        var card = await _core.IssueOneAsync(amount: 600_00);
        await _core.RedeemAsync(Alice, card.Code.Display);

        var approved = await _core.ReviewAsync(card.Card.Serial, approve: true);
        var repeated = await _core.ReviewAsync(card.Card.Serial, approve: true);

        Assert.Equal(CardStatus.Redeemed, approved.Value.Status);
        Assert.True(repeated.Succeeded);
        var balance = await _core.BalanceAsync(Alice);
        Assert.Equal(600_00, balance.Gift.Amount);
        Assert.Equal(0, balance.PendingReview.Amount);
        Assert.Single(_core.Ledger.Entries(Alice));
        Assert.Equal(CardStatus.Redeemed, (await _core.CardAsync(card.Card.Serial)).Status);
    }

    [Fact]
    public async Task Decline_CancelsCardAndCreditsNothing()
    {
        var card = await _core.IssueOneAsync(amount: 600_00);
        await _core.RedeemAsync(Alice, card.Code.Display);

        var declined = await _core.ReviewAsync(card.Card.Serial, approve: false);

        Assert.Equal(CardStatus.Cancelled, declined.Value.Status);
        var balance = await _core.BalanceAsync(Alice);
        Assert.Equal(0, balance.Available.Amount);
        Assert.Equal(0, balance.PendingReview.Amount);
        Assert.Equal(ErrorCode.InvalidCode, (await _core.RedeemAsync(Alice, card.Code.Display)).Failure?.Code);
    }

    [Fact]
    public async Task Review_WhenNothingIsHeld_ReturnsNotUnderReview()
    {
        var card = await _core.IssueOneAsync(amount: 100);

        var result = await _core.ReviewAsync(card.Card.Serial, approve: true);

        Assert.Equal(ErrorCode.NotUnderReview, result.Failure?.Code);
    }

    [Fact]
    public async Task Approve_WhenCrashAfterCardMoved_RetryCreditsOnce()
    {
        var core = new CoreBuilder().WithReviewAbove(500_00)
            .WithCardStore(inner => new CrashingCardStore(inner, c => c.Status == CardStatus.Redeeming)).Build();
        var card = await core.IssueOneAsync(amount: 700_00);
        await core.RedeemAsync(Alice, card.Code.Display);

        await Assert.ThrowsAsync<SimulatedCrashException>(() =>
            core.ReviewAsync(card.Card.Serial, approve: true));
        var retried = await core.ReviewAsync(card.Card.Serial, approve: true);

        Assert.True(retried.Succeeded);
        Assert.Equal(700_00, (await core.BalanceAsync(Alice)).Gift.Amount);
        Assert.Equal(0, (await core.BalanceAsync(Alice)).PendingReview.Amount);
        Assert.Single(core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Cancel_WhenHeld_IsRefused()
    {
        var card = await _core.IssueOneAsync(amount: 600_00);
        await _core.RedeemAsync(Alice, card.Code.Display);

        var cancelled = await _core.CancelCard.ExecuteAsync(card.Card.Serial, CancellationToken.None);

        Assert.Equal(ErrorCode.AlreadyRedeemed, cancelled.Failure?.Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Review_RecordsACancellationDateOnlyWhenDeclined(bool approve)
    {
        var card = await _core.IssueOneAsync(amount: 600_00);
        await _core.RedeemAsync(Alice, card.Code.Display);
        _core.Clock.Advance(TimeSpan.FromMinutes(3));

        var reviewed = await _core.ReviewAsync(card.Card.Serial, approve);

        Assert.Equal(approve ? null : _core.Clock.GetUtcNow(), reviewed.Value.CancelledAt);
        Assert.Equal(reviewed.Value.CancelledAt, (await _core.CardAsync(card.Card.Serial)).CancelledAt);
    }
}
