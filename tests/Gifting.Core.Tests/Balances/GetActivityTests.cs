using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Balances;

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

        Assert.Equal([5L, 4L], first.Entries.Select(e => e.Seq));
        Assert.Equal([3L, 2L], second.Entries.Select(e => e.Seq));
        Assert.Equal([1L], last.Entries.Select(e => e.Seq));
        Assert.Null(last.NextBefore);
        Assert.Equal((EntryType.Redemption, 5_00L), (first.Entries[0].Type, first.Entries[0].After.Gift));
    }

    [Fact]
    public async Task GetActivity_WhenNoEntries_ReturnsEmptyPage()
    {
        var page = await _core.GetActivity.ExecuteAsync(Alice, before: null, limit: 10, CancellationToken.None);

        Assert.Empty(page.Entries);
        Assert.Null(page.NextBefore);
    }

    [Fact]
    public async Task GetBalance_WhenNoEntries_IsEmptyInTokenMarketplace()
    {
        var balance = await _core.BalanceAsync(Alice, "JP");

        Assert.Equal(("JP", "JPY", 0L),
            (balance.Marketplace.Code, balance.Available.Currency, balance.Available.Amount));
    }
}
