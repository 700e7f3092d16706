using Gifting.Core.Ledger;
using Gifting.Core.Promotions;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Promotions;

/// <summary>
/// What an expiry run costs: a constant number of store calls per lot, and no more lots than it may take.
/// </summary>
public sealed class ExpiryCostTests
{
    private const int Lots = 10_000;

    [Fact]
    public async Task Expire_TenThousandLotsInOneHour_CostsThreeStoreCallsPerLot()
    {
        var setup = await GrantedInOneHourAsync();
        var count = new OperationCount();
        var counted = Counted(setup, count, PromotionLimits.Default with { MaxLotsPerRun = Lots });

        var run = await counted.ExpireAsync();

        Assert.Equal((Lots, Lots, Lots * 1_00L, true), (run.Due, run.Expired, run.ExpiredMinorUnits, run.Complete));
        Assert.Equal(Lots, count.EntriesRead);
        Assert.InRange(count.Operations, 3 * Lots, 3 * Lots + 200);
        Assert.Empty(setup.ExpiryIndex.Entries);
    }

    [Fact]
    public async Task Expire_WhenMoreIsDueThanARunMayTake_StopsAtTheLimitAndTheNextRunFinishes()
    {
        var setup = await GrantedInOneHourAsync();
        var count = new OperationCount();
        var counted = Counted(setup, count, PromotionLimits.Default with { MaxLotsPerRun = 6_000 });

        var first = await counted.ExpireAsync();
        var second = await counted.ExpireAsync();
        var third = await counted.ExpireAsync();

        Assert.Equal((6_000, 6_000, false), (first.Due, first.Expired, first.Complete));
        Assert.Equal((4_000, 4_000, true), (second.Due, second.Expired, second.Complete));
        Assert.Equal((0, 0, true), (third.Due, third.Expired, third.Complete));
        // The first run looks one entry ahead to know that more is due; the second run reads it again.
        Assert.Equal(Lots + 1, count.EntriesRead);
        Assert.InRange(count.Operations, 3 * Lots, 3 * Lots + 200);
        var expiries = Enumerable.Range(0, Lots).Select(i => setup.Ledger.Entries(Account(i))[^1]);
        Assert.All(expiries, e => Assert.Equal((EntryType.PromoExpiry, -1_00L), (e.Type, e.Amount.Amount)));
    }

    [Fact]
    public async Task Expire_WhenTheRunOutlastsItsBudget_StopsAndTheNextRunFinishes()
    {
        var setup = await GrantedInOneHourAsync(count: 300);
        // Each ledger read takes a second of the run's budget of a minute.
        var slow = new CoreBuilder().WithClock(setup.Clock).WithStores(setup.Cards, setup.Ledger)
            .WithExpiryIndex(setup.ExpiryIndex).WithLedgerStore(s => new SlowLedgerStore(s, setup.Clock))
            .WithPromotionLimits(PromotionLimits.Default with { RunBudget = TimeSpan.FromMinutes(1) }).Build();
        var now = setup.Clock.GetUtcNow();

        var first = await slow.ExpirePromotionalCredits.ExecuteAsync(now, CancellationToken.None);
        var second = await setup.ExpirePromotionalCredits.ExecuteAsync(now, CancellationToken.None);

        Assert.False(first.Complete);
        Assert.InRange(first.Due, 1, 299);
        Assert.Equal((300 - first.Due, true), (second.Due, second.Complete));
    }

    private static AccountId Account(int i) => TestCore.Account($"acct-{i}");

    private static async Task<TestCore> GrantedInOneHourAsync(int count = Lots)
    {
        var setup = TestCore.Create();
        var hour = setup.Clock.GetUtcNow().AddHours(1);
        var start = new DateTimeOffset(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, TimeSpan.Zero)
            - setup.Clock.GetUtcNow();
        for (var i = 0; i < count; i++)
            await setup.GrantAsync(Account(i), $"lot-{i}", 1_00, start + TimeSpan.FromMilliseconds(i * 300));
        setup.Clock.Advance(TimeSpan.FromHours(2));
        return setup;
    }

    private static TestCore Counted(TestCore setup, OperationCount count, PromotionLimits limits) =>
        new CoreBuilder()
            .WithClock(setup.Clock)
            .WithStores(setup.Cards, setup.Ledger)
            .WithExpiryIndex(setup.ExpiryIndex)
            .WithExpiryIndex(s => new CountingExpiryIndex(s, count))
            .WithLedgerStore(s => new CountingLedgerStore(s, count))
            .WithPromotionLimits(limits)
            .Build();
}
