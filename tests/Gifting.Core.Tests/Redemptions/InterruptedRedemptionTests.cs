using Gifting.Core.Cards;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

/// <summary>
/// A redemption that crashes after claiming the card, or after crediting the account, leaves the card in
/// <c>Redeeming</c>. Whoever meets it next finishes it: the claimant is credited exactly once and the card ends
/// redeemed.
/// </summary>
public sealed class InterruptedRedemptionTests
{
    public enum CrashPoint { AfterClaim, AfterCredit }

    public enum Follower { RetryBySameAccount, AttemptByOtherAccount, SupportLookup, Cancellation }

    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");

    [Theory]
    [InlineData(CrashPoint.AfterClaim, Follower.RetryBySameAccount)]
    [InlineData(CrashPoint.AfterClaim, Follower.AttemptByOtherAccount)]
    [InlineData(CrashPoint.AfterClaim, Follower.SupportLookup)]
    [InlineData(CrashPoint.AfterClaim, Follower.Cancellation)]
    [InlineData(CrashPoint.AfterCredit, Follower.RetryBySameAccount)]
    [InlineData(CrashPoint.AfterCredit, Follower.AttemptByOtherAccount)]
    [InlineData(CrashPoint.AfterCredit, Follower.SupportLookup)]
    [InlineData(CrashPoint.AfterCredit, Follower.Cancellation)]
    public async Task Redeem_WhenInterrupted_IsCompletedExactlyOnceByWhoeverComesNext(
        CrashPoint crash, Follower follower)
    {
        var builder = new CoreBuilder();
        builder = crash == CrashPoint.AfterClaim
            ? builder.WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming))
            : builder.WithLedgerStore(s => new CrashingLedgerStore(s));
        var core = builder.Build();
        var issued = await core.IssueOneAsync(amount: 40_00);
        var serial = issued.Card.Serial;

        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.RedeemAsync(Alice, issued.Code.Display));
        Assert.Equal(CardStatus.Redeeming, (await core.CardAsync(serial)).Status);
        Assert.Equal(crash == CrashPoint.AfterClaim ? 0 : 1, core.Ledger.Entries(Alice).Count);

        switch (follower)
        {
            case Follower.RetryBySameAccount:
                var retry = await core.RedeemAsync(Alice, issued.Code.Display);
                Assert.Equal(40_00, retry.Value.Balance!.Gift.Amount);
                break;
            case Follower.AttemptByOtherAccount:
                var other = await core.RedeemAsync(Bob, issued.Code.Display);
                Assert.Equal(ErrorCode.AlreadyRedeemed, other.Failure?.Code);
                Assert.Empty(core.Ledger.Entries(Bob));
                break;
            case Follower.SupportLookup:
                var view = await core.GetCard.ExecuteAsync(serial, CancellationToken.None);
                Assert.Equal(CardStatus.Redeemed, view.Value.Status);
                Assert.NotNull(view.Value.RedeemedAt);
                break;
            case Follower.Cancellation:
                var cancel = await core.CancelCard.ExecuteAsync(serial, CancellationToken.None);
                Assert.Equal(ErrorCode.AlreadyRedeemed, cancel.Failure?.Code);
                break;
        }

        var card = await core.CardAsync(serial);
        Assert.Equal(CardStatus.Redeemed, card.Status);
        Assert.Equal(Alice, card.ClaimedBy);
        var entry = Assert.Single(core.Ledger.Entries(Alice));
        Assert.Equal(40_00, entry.After.Gift);
        Assert.Equal(entry.OccurredAt, card.RedeemedAt);

        // Everyone who comes later sees a plain redeemed card, and nothing is credited again.
        Assert.Equal(ErrorCode.AlreadyRedeemed, (await core.RedeemAsync(Bob, issued.Code.Display)).Failure?.Code);
        Assert.Equal(
            CardStatus.Redeemed, (await core.GetCard.ExecuteAsync(serial, CancellationToken.None)).Value.Status);
        Assert.Single(core.Ledger.Entries(Alice));
        Assert.Equal(40_00, (await core.BalanceAsync(Alice)).Available.Amount);
    }
}
