using Gifting.Core.Cards;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

/// <summary>
/// Alice's redemption of a US card crashes after the claim; before anyone completes it, her balance is locked to DE by
/// another card. Completing the US card is then refused, so the card is given back and must behave as active.
/// </summary>
public sealed class ClaimGivenBackTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");

    private readonly TestCore _core = new CoreBuilder()
        .WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming))
        .Build();

    [Fact]
    public async Task Redeem_WhenClaimantCanNoLongerBeCredited_ReturnsRegionMismatchAndGivesCardBack()
    {
        var us = await StrandUsCardAsync();

        var retry = await _core.RedeemAsync(Alice, us.Code.Display, tokenMarketplace: "US");

        Assert.Equal(ErrorCode.RegionMismatch, retry.Failure?.Code);
        var card = await _core.CardAsync(us.Card.Serial);
        Assert.Equal((CardStatus.Active, null), (card.Status, card.ClaimedBy));
        Assert.Empty(_core.UnfinishedRedemptions.Entries);
    }

    [Fact]
    public async Task Redeem_WhenAnotherAccountMeetsCardThatIsGivenBack_RedeemsIt()
    {
        var us = await StrandUsCardAsync();

        var result = await _core.RedeemAsync(Bob, us.Code.Display, tokenMarketplace: "US");

        Assert.True(result.Succeeded, result.Failure?.Detail);
        Assert.Equal(25_00, (await _core.BalanceAsync(Bob)).Available.Amount);
        Assert.Equal(CardStatus.Redeemed, (await _core.CardAsync(us.Card.Serial)).Status);
    }

    [Fact]
    public async Task GetCard_WhenCardIsGivenBack_ShowsItActive()
    {
        var us = await StrandUsCardAsync();

        var view = await _core.GetCard.ExecuteAsync(us.Card.Serial, CancellationToken.None);

        Assert.Equal(CardStatus.Active, view.Value.Status);
        Assert.Equal(CardStatus.Active, (await _core.CardAsync(us.Card.Serial)).Status);
    }

    [Fact]
    public async Task Cancel_WhenCardIsGivenBack_CancelsIt()
    {
        var us = await StrandUsCardAsync();

        var result = await _core.CancelCard.ExecuteAsync(us.Card.Serial, CancellationToken.None);

        Assert.Equal(CardStatus.Cancelled, result.Value.Status);
        Assert.DoesNotContain(_core.Ledger.Entries(Alice), e => e.Marketplace.Code == "US");
    }

    private async Task<NewCard> StrandUsCardAsync()
    {
        var us = await _core.IssueOneAsync(marketplace: "US");
        var de = await _core.IssueOneAsync(marketplace: "DE");
        await Assert.ThrowsAsync<SimulatedCrashException>(
            () => _core.RedeemAsync(Alice, us.Code.Display, tokenMarketplace: "US"));
        Assert.True((await _core.RedeemAsync(Alice, de.Code.Display, tokenMarketplace: "DE")).Succeeded);
        Assert.Equal(CardStatus.Redeeming, (await _core.CardAsync(us.Card.Serial)).Status);
        return us;
    }
}
