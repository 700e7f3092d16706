using Gifting.Core.Cards;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

public sealed class RedeemCodeMarketplaceAndKeyTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Redeem_WhenCardIsForAnotherMarketplace_ReturnsRegionMismatch()
    {
        var issued = await _core.IssueOneAsync(marketplace: "DE");

        var result = await _core.RedeemAsync(Alice, issued.Code.Display, tokenMarketplace: "US");

        Assert.Equal(ErrorCode.RegionMismatch, result.Failure?.Code);
        Assert.Equal(CardStatus.Active, (await _core.CardAsync(issued.Card.Serial)).Status);
    }

    [Fact]
    public async Task Redeem_WhenBalanceIsLockedToAnotherMarketplace_ReturnsRegionMismatch()
    {
        var us = await _core.IssueOneAsync(marketplace: "US");
        var de = await _core.IssueOneAsync(marketplace: "DE");
        await _core.RedeemAsync(Alice, us.Code.Display, tokenMarketplace: "US");

        var result = await _core.RedeemAsync(Alice, de.Code.Display, tokenMarketplace: "DE");

        Assert.Equal(ErrorCode.RegionMismatch, result.Failure?.Code);
        Assert.Equal("US", (await _core.BalanceAsync(Alice, "DE")).Marketplace.Code);
    }

    [Fact]
    public async Task Redeem_AfterHashKeyRotation_FindsCardsHashedUnderTheOldKey()
    {
        var oldKey = CoreBuilder.NewKey(1);
        var before = new CoreBuilder().WithHashKeys(1, oldKey).Build();
        var issued = await before.IssueOneAsync();
        var after = new CoreBuilder()
            .WithStores(before.Cards, before.Ledger)
            .WithHashKeys(2, oldKey, CoreBuilder.NewKey(2))
            .Build();

        var result = await after.RedeemAsync(Alice, issued.Code.Display);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Redeem_WhenBalanceHasAMarketplace_JudgesTheCardByItNotByTheToken()
    {
        var first = await _core.IssueOneAsync(amount: 10_00, marketplace: "US");
        var second = await _core.IssueOneAsync(amount: 20_00, marketplace: "US");
        await _core.RedeemAsync(Alice, first.Code.Display, tokenMarketplace: "US");

        var result = await _core.RedeemAsync(Alice, second.Code.Display, tokenMarketplace: "DE");

        Assert.Equal(30_00, result.Value.Balance!.Gift.Amount);
    }
}
