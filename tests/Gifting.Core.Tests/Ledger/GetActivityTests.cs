using Gifting.Testing;

namespace Gifting.Core.Tests.Ledger;

public sealed class GetActivityTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task GetActivity_PagesNewestFirst()
    {
        var cards = await _core.IssueAsync(count: 5, amount: 1_00);
        foreach (var card in cards) await _core.RedeemAsync(Alice, card.Code.Display);

        var first = await _core.GetActivity.ExecuteAsync(Alice, before: null, limit: 2, CancellationToken.None);
        var second = await _core.GetActivity.ExecuteAsync(Alice, first.NextBefore, limit: 2, CancellationToken.None);
        var last = await _core.GetActivity.ExecuteAsync(Alice, second.NextBefore, limit: 2, CancellationToken.None);

        Assert.Equal(["ent_5", "ent_4"], first.Items.Select(e => e.Id));
        Assert.Equal(["ent_3", "ent_2"], second.Items.Select(e => e.Id));
        Assert.Equal(["ent_1"], last.Items.Select(e => e.Id));
        Assert.Null(last.NextBefore);
        Assert.Equal(("redemption", 5_00L), (first.Items[0].Type, first.Items[0].BalanceAfter.Gift.Amount));
    }

    [Fact]
    public async Task GetActivity_WhenNoEntries_ReturnsEmptyPage()
    {
        var page = await _core.GetActivity.ExecuteAsync(Alice, before: null, limit: 10, CancellationToken.None);

        Assert.Empty(page.Items);
        Assert.Null(page.NextBefore);
    }

    [Fact]
    public async Task GetBalance_WhenNoEntries_IsEmptyInTokenMarketplace()
    {
        var balance = await _core.BalanceAsync(Alice, "JP");

        Assert.Equal(("JP", "JPY", 0L), (balance.Marketplace, balance.Currency, balance.Available.Amount));
    }
}
