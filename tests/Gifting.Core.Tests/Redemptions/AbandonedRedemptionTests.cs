using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

/// <summary>
/// A phone that gives up after its claim landed must not leave the card claimed and its value uncredited.
/// </summary>
public sealed class AbandonedRedemptionTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task Redeem_WhenCallerGivesUpRightAfterTheClaim_StillEndsRedeemedWithOneCredit()
    {
        using var caller = new CancellationTokenSource();
        var core = new CoreBuilder()
            .WithCardStore(s => new CancellingCardStore(s, c => c.Status == CardStatus.Redeeming, caller))
            .WithLedgerStore(s => new TokenHonouringLedgerStore(s))
            .Build();
        var card = await core.IssueOneAsync(amount: 40_00);

        try
        {
            await core.RedeemCode.ExecuteAsync(
                new RedeemCommand(Alice, Marketplace.Parse("US"), null, card.Code.Display), caller.Token);
        }
        catch (OperationCanceledException)
        {
            // The caller is gone; what matters is the state it left.
        }

        Assert.Equal(CardStatus.Redeemed, (await core.CardAsync(card.Card.Serial)).Status);
        Assert.Equal(40_00, Assert.Single(core.Ledger.Entries(Alice)).After.Gift);
    }
}
