using Gifting.Core.Ledger;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Ledger;

public sealed class AccountLedgerTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = new CoreBuilder().WithLedgerStore(s => new YieldingLedgerStore(s)).Build();

    [Fact]
    public async Task Post_WhenManyDistinctOperationsRace_AllLandWithGaplessSequence()
    {
        const int operations = 40;

        var postings = await Task.WhenAll(Enumerable.Range(0, operations)
            .Select(i => Task.Run(() => CreditAsync($"op-{i}", 1_00))));

        Assert.All(postings, p => Assert.False(p.Value.Replayed));
        var entries = _core.Ledger.Entries(Alice);
        Assert.Equal(Enumerable.Range(1, operations).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.Equal(operations, entries.Select(e => e.OpKey).Distinct().Count());
        Assert.Equal(operations * 1_00L, entries[^1].After.Gift);
        // Each entry is decided from the one before it: no credit is lost to a race.
        Assert.All(entries.Skip(1).Zip(entries),
            pair => Assert.Equal(pair.Second.After.Gift + 1_00, pair.First.After.Gift));
    }

    [Fact]
    public async Task Post_WhenSameOperationRacesTwentyTimes_LandsOnce()
    {
        await CreditAsync("earlier", 5_00);

        var postings = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => CreditAsync("card-1", 25_00))));

        Assert.Single(postings, p => !p.Value.Replayed);
        Assert.All(postings, p => Assert.Equal(2, p.Value.Entry.Seq));
        Assert.Equal(2, _core.Ledger.Entries(Alice).Count);
        Assert.Equal(30_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Post_WhenDecisionRefusesAfterOperationPosted_ReturnsTheFirstPosting()
    {
        await CreditAsync("card-1", 10_00);

        var replay = await _core.AccountLedger.PostAsync(Alice, Marketplace.Default, "card-1",
            _ => new Failure(ErrorCode.InsufficientFunds, "no"), CancellationToken.None);

        Assert.True(replay.Value.Replayed);
        Assert.Equal(1, replay.Value.Entry.Seq);
    }

    [Fact]
    public async Task Post_WhenAccountIsInAnotherMarketplace_ReturnsRegionMismatch()
    {
        await CreditAsync("card-1", 10_00);

        var result = await _core.AccountLedger.PostAsync(Alice, Marketplace.Parse("GB"), "card-2",
            b => new LedgerChange(EntryType.Redemption, new Money(1, "GBP"), b with { Gift = b.Gift + 1 }, "x"),
            CancellationToken.None);

        Assert.Equal(ErrorCode.RegionMismatch, result.Failure?.Code);
    }

    [Fact]
    public async Task Post_WhenChangeWouldGoNegative_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _core.AccountLedger.PostAsync(
            Alice, Marketplace.Default, "debit-1",
            b => new LedgerChange(EntryType.Debit, new Money(-1, "USD"), b with { Gift = b.Gift - 1 }, "order"),
            CancellationToken.None));
        Assert.Empty(_core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Post_OnALedgerWithoutLiabilityTotals_PostsWithoutCountingAnything()
    {
        var store = new InMemoryLedgerStore();
        var ledger = new AccountLedger(store, TimeProvider.System);

        var posting = await ledger.PostAsync(Alice, Marketplace.Default, "op-1",
            b => new LedgerChange(EntryType.Refund, new Money(1_00, "USD"), b with { Gift = b.Gift + 1_00 }, "op-1"),
            CancellationToken.None);

        Assert.Equal(1, posting.Value.Entry.Seq);
        Assert.Single(store.Entries(Alice));
    }

    private Task<Result<Posting>> CreditAsync(string opKey, long amount) =>
        _core.AccountLedger.PostAsync(Alice, Marketplace.Default, opKey,
            b => new LedgerChange(EntryType.Refund, new Money(amount, "USD"), b with { Gift = b.Gift + amount }, opKey),
            CancellationToken.None);
}
