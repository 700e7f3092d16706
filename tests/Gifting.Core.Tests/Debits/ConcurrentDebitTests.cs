using Gifting.Core.Ledger;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Debits;

public sealed class ConcurrentDebitTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = new CoreBuilder()
        .WithCardStore(s => new YieldingCardStore(s))
        .WithLedgerStore(s => new YieldingLedgerStore(s))
        .Build();

    [Fact]
    public async Task Debit_WhenTwoHundredRaceForTenDebitsWorth_ExactlyTenSucceedAndBalanceEndsAtZero()
    {
        await _core.FundAsync(Alice, 100_00);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await _core.DebitAsync(Alice, 10_00, $"debit-{i}", orderId: $"order-{i}");
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.Equal(190, results.Count(r => r.Failure?.Code == ErrorCode.InsufficientFunds));
        var entries = _core.Ledger.Entries(Alice);
        Assert.Equal(10, entries.Count(e => e.Type == EntryType.Debit));
        Assert.Equal(0, entries[^1].After.Total);
        Assert.All(entries, e => Assert.True(e.After.Gift >= 0));
    }

    [Fact]
    public async Task Debit_WhenSameDebitKeyRacesTwentyTimes_PostsOnceAndAllSeeTheSameDebit()
    {
        await _core.FundAsync(Alice, 100_00);
        await _core.GrantAsync(Alice, "promo", 4_00, TimeSpan.FromDays(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => _core.DebitAsync(Alice, 10_00, "same"))));

        Assert.Single(_core.Ledger.Entries(Alice), e => e.Type == EntryType.Debit);
        Assert.All(results, r =>
            Assert.Equal(DebitAccountTests.Numbers(results[0].Value), DebitAccountTests.Numbers(r.Value)));
        Assert.Equal((4_00L, 6_00L), (results[0].Value.FromPromotional.Amount, results[0].Value.FromGift.Amount));
        Assert.Equal(94_00, (await _core.BalanceAsync(Alice)).Available.Amount);
    }
}
