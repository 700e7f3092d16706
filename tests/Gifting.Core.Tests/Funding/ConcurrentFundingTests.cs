using Gifting.Core.Funding;
using Gifting.Core.Ledger;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Funding;

public sealed class ConcurrentFundingTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    private readonly TestCore _core = new CoreBuilder().WithFundingStore(s => new YieldingLedgerStore(s)).Build();

    [Fact]
    public async Task Reserve_WhenFiftyOrdersRaceForTenOrdersWorth_ExactlyTenAreAcceptedAndFundingEndsAtZero()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");

        var results = await RaceAsync(50, i => _core.ReserveAsync(Acme, $"ord-{i}", 10_00));

        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.Equal(40, results.Count(r => r.Failure?.Code == ErrorCode.InsufficientFunds));
        var entries = _core.Funding.Entries(FundingLedger.AccountOf(Acme));
        Assert.Equal(10, entries.Count(e => e.Type == EntryType.Order));
        Assert.Equal(new Money(0, "USD"), await _core.AvailableAsync(Acme));
        Assert.All(entries, e => Assert.True(e.After.Gift >= 0));
    }

    [Fact]
    public async Task Reserve_WhenOneOrderRacesTwentyTimes_PostsOnce()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");

        var results = await RaceAsync(20, _ => _core.ReserveAsync(Acme, "ord-1", 30_00));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(_core.Funding.Entries(FundingLedger.AccountOf(Acme)), e => e.Type == EntryType.Order);
        Assert.Equal(new Money(70_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Release_WhenLinesWorthMoreThanTheOrderRace_NeverGivesBackMoreThanItReserved()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 50_00);

        var results = await RaceAsync(20, i => _core.ReleaseAsync(Acme, "ord-1", $"line-{i}", 10_00));

        Assert.Equal(5, results.Count(r => r.Succeeded));
        Assert.Equal(new Money(100_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Release_WhenOneLineRacesTwentyTimes_GivesItsValueBackOnce()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 50_00);

        var results = await RaceAsync(20, _ => _core.ReleaseAsync(Acme, "ord-1", "line-1", 10_00));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(new Money(60_00, "USD"), await _core.AvailableAsync(Acme));
    }

    private static async Task<Result<FundingMovement>[]> RaceAsync(
        int count, Func<int, Task<Result<FundingMovement>>> attempt)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await attempt(i);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(attempts);
    }
}
