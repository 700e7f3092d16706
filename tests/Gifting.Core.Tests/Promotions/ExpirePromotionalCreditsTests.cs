using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Promotions;

public sealed class ExpirePromotionalCreditsTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");

    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Expire_RemovesOnlyLotsPastTheirExpiry()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.GrantAsync(Alice, "short", 3_00, TimeSpan.FromHours(1));
        await _core.GrantAsync(Alice, "long", 4_00, TimeSpan.FromDays(30));
        _core.Clock.Advance(TimeSpan.FromHours(1));

        var run = await _core.ExpireAsync();

        Assert.Equal((1, 1, 3_00L), (run.Due, run.Expired, run.ExpiredMinorUnits));
        var entry = _core.Ledger.Entries(Alice)[^1];
        Assert.Equal(
            (EntryType.PromoExpiry, -3_00L, "promo:short"), (entry.Type, entry.Amount.Amount, entry.Reference));
        Assert.Equal(("long", 10_00L), (Assert.Single(entry.After.Lots).LotId, entry.After.Gift));
        Assert.Single(_core.ExpiryIndex.Entries);
    }

    [Fact]
    public async Task Expire_WhenRunThreeTimesAtTheSameInstant_SecondAndThirdChangeNothing()
    {
        await _core.GrantAsync(Alice, "a", 3_00, TimeSpan.FromHours(1));
        await _core.GrantAsync(Bob, "b", 4_00, TimeSpan.FromHours(2));
        _core.Clock.Advance(TimeSpan.FromHours(3));
        var now = _core.Clock.GetUtcNow();

        var first = await _core.ExpirePromotionalCredits.ExecuteAsync(now, CancellationToken.None);
        var entries = _core.Ledger.Entries(Alice).Concat(_core.Ledger.Entries(Bob)).ToList();
        var second = await _core.ExpirePromotionalCredits.ExecuteAsync(now, CancellationToken.None);
        var third = await _core.ExpirePromotionalCredits.ExecuteAsync(now, CancellationToken.None);

        Assert.Equal(2, first.Expired);
        Assert.Equal((0, 0), (second.Due, second.Expired));
        Assert.Equal((0, 0), (third.Due, third.Expired));
        Assert.Equal(entries, _core.Ledger.Entries(Alice).Concat(_core.Ledger.Entries(Bob)));
    }

    [Fact]
    public async Task Expire_ExpiresWhatWasGrantedLessWhatWasSpent()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.GrantAsync(Alice, "promo", 30_00, TimeSpan.FromDays(1));
        await _core.DebitAsync(Alice, 12_00, "d1");
        await _core.DebitAsync(Alice, 5_00, "d2");
        _core.Clock.Advance(TimeSpan.FromDays(1));

        var run = await _core.ExpireAsync();

        Assert.Equal(30_00 - 17_00, run.ExpiredMinorUnits);
        Assert.Equal(-13_00, _core.Ledger.Entries(Alice)[^1].Amount.Amount);
        Assert.Equal((10_00L, 0L),
            ((await _core.BalanceAsync(Alice)).Gift.Amount, (await _core.BalanceAsync(Alice)).Promotional.Amount));
    }

    [Fact]
    public async Task Expire_WhenLotWasSpentInFull_PostsNothingAndDropsTheEntry()
    {
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(1));
        await _core.DebitAsync(Alice, 5_00, "d1");
        _core.Clock.Advance(TimeSpan.FromDays(1));

        var run = await _core.ExpireAsync();

        Assert.Equal((1, 0), (run.Due, run.Expired));
        Assert.DoesNotContain(_core.Ledger.Entries(Alice), e => e.Type == EntryType.PromoExpiry);
        Assert.Empty(_core.ExpiryIndex.Entries);
    }

    [Fact]
    public async Task Expire_ReadsOnlyDueEntries_HoweverManyLotsAreOpen()
    {
        for (var i = 0; i < 250; i++)
            await _core.GrantAsync(TestCore.Account($"acct-{i}"), $"later-{i}", 1_00, TimeSpan.FromDays(30));
        for (var i = 0; i < 230; i++)
            await _core.GrantAsync(TestCore.Account($"acct-{i}"), $"soon-{i}", 1_00, TimeSpan.FromHours(1));
        _core.Clock.Advance(TimeSpan.FromHours(1));

        var run = await _core.ExpireAsync();

        // 230 due lots take more than one batch; none of the 250 later lots is read.
        Assert.Equal((230, 230, 230_00L), (run.Due, run.Expired, run.ExpiredMinorUnits));
        Assert.Equal(250, _core.ExpiryIndex.Entries.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Expire_WhenCrashingAfterEitherWrite_RetryExpiresExactlyOnce(bool crashAfterPosting)
    {
        var setup = TestCore.Create();
        await setup.FundAsync(Alice, 10_00);
        await setup.GrantAsync(Alice, "promo", 6_00, TimeSpan.FromHours(1));
        await setup.DebitAsync(Alice, 2_00, "d1");
        var builder = new CoreBuilder()
            .WithClock(setup.Clock)
            .WithStores(setup.Cards, setup.Ledger)
            .WithExpiryIndex(setup.ExpiryIndex);
        var crashing = (crashAfterPosting
            ? builder.WithLedgerStore(s => new CrashingLedgerStore(s))
            : builder.WithExpiryIndex(s => new CrashingExpiryIndex(s, crashAfterAdd: false))).Build();
        setup.Clock.Advance(TimeSpan.FromHours(1));

        await Assert.ThrowsAsync<SimulatedCrashException>(crashing.ExpireAsync);
        Assert.Equal(crashAfterPosting ? 1 : 0, setup.ExpiryIndex.Entries.Count);
        await crashing.ExpireAsync();
        await crashing.ExpireAsync();

        var expiry = Assert.Single(setup.Ledger.Entries(Alice), e => e.Type == EntryType.PromoExpiry);
        Assert.Equal(-4_00, expiry.Amount.Amount);
        Assert.Empty(setup.ExpiryIndex.Entries);
        Assert.Equal(10_00, (await setup.BalanceAsync(Alice)).Available.Amount);
    }
}
