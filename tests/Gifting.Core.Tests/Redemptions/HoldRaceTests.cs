using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

/// <summary>
/// A review removes the hold document after the card left <c>Held</c>. A shopper's redemption that read the card while
/// it was still held must not put the document back afterwards, or the balance shows a review pending for ever.
/// </summary>
public sealed class HoldRaceTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task RedeemRetry_WhenReviewIsDecidedBetweenItsReadAndItsWrite_DoesNotRecreateTheHold()
    {
        TestCore core = null!;
        NewCard card = null!;
        core = new CoreBuilder().WithReviewAbove(500_00)
            .WithCardStore(s => new HookedCardStore(s, c => c.Status == CardStatus.Held, () =>
                core.ReviewAsync(card.Card.Serial, approve: true)))
            .Build();
        card = await core.IssueOneAsync(amount: 600_00);
        Assert.True((await core.RedeemAsync(Alice, card.Code.Display)).Value.PendingReview);

        await core.RedeemAsync(Alice, card.Code.Display);

        Assert.Equal(CardStatus.Redeemed, (await core.CardAsync(card.Card.Serial)).Status);
        var balance = await core.BalanceAsync(Alice);
        Assert.Equal((600_00, 0), (balance.Gift.Amount, balance.PendingReview.Amount));
    }

    [Fact]
    public async Task Redeem_WhenReviewIsDecidedBeforeTheHoldIsRecorded_LeavesNoHold()
    {
        TestCore core = null!;
        NewCard card = null!;
        core = new CoreBuilder().WithReviewAbove(500_00)
            .WithHoldStore(s => new HookedHoldStore(s, () =>
                core.ReviewAsync(card.Card.Serial, approve: false)))
            .Build();
        card = await core.IssueOneAsync(amount: 600_00);

        await core.RedeemAsync(Alice, card.Code.Display);

        Assert.Equal(CardStatus.Cancelled, (await core.CardAsync(card.Card.Serial)).Status);
        Assert.Empty(core.Holds.List(Alice));
    }
}
