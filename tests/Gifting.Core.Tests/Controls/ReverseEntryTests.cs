using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Controls;

public sealed class ReverseEntryTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task Reversal_OfACreditAdjustment_TakesExactlyItBackAndLeavesTheOriginalAsItWas()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 10_00);
        var credit = (await core.AdjustAsync(Alice, "adj-1", 20_00)).Value.Entry;

        var reversal = (await core.ReverseAsync(Alice, credit.Seq)).Value.Entry;

        Assert.Equal((EntryType.Reversal, -20_00L, $"entry:ent_{credit.Seq}"),
            (reversal.Type, reversal.Amount.Amount, reversal.Reference));
        Assert.Equal(new EntryNote("admin-1", null, "test reversal"), reversal.Note);
        Assert.Equal(credit, core.Ledger.Entries(Alice).Single(e => e.Seq == credit.Seq));
        Assert.Equal(10_00, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Reversal_OfADebitAdjustmentAndOfAReload_GiveBackAndTakeBack()
    {
        var core = TestCore.Create();
        var reload = (await core.ReloadAsync(Alice, "pay-1", 30_00)).Value.Entry;
        var debit = (await core.AdjustAsync(Alice, "adj-1", 5_00, credit: false)).Value.Entry;

        Assert.True((await core.ReverseAsync(Alice, debit.Seq)).Succeeded);
        Assert.True((await core.ReverseAsync(Alice, reload.Seq)).Succeeded);

        Assert.Equal(0, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Reversal_Repeated_IsAlreadyReversedAndPostsNothing()
    {
        var core = TestCore.Create();
        var credit = (await core.AdjustAsync(Alice, "adj-1", 20_00)).Value.Entry;
        await core.ReverseAsync(Alice, credit.Seq);

        var again = await core.ReverseAsync(Alice, credit.Seq, by: "admin-2");

        Assert.Equal(ErrorCode.AlreadyReversed, again.Failure!.Code);
        Assert.Equal(2, core.Ledger.Entries(Alice).Count);
    }

    [Fact]
    public async Task Reversal_ThatWouldOverdraw_IsNotReversible()
    {
        var core = TestCore.Create();
        var reload = (await core.ReloadAsync(Alice, "pay-1", 30_00)).Value.Entry;
        await core.DebitAsync(Alice, 25_00, "d1");

        var result = await core.ReverseAsync(Alice, reload.Seq);

        Assert.Equal(ErrorCode.NotReversible, result.Failure!.Code);
        Assert.Equal(5_00, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Reversal_OfARedemptionDebitOrGrant_IsNotReversible()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 30_00);
        await core.DebitAsync(Alice, 5_00, "d1");
        await core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(3));

        var refused = new[]
        {
            await core.ReverseAsync(Alice, 1), await core.ReverseAsync(Alice, 2), await core.ReverseAsync(Alice, 3),
        };

        Assert.All(refused, r => Assert.Equal(ErrorCode.NotReversible, r.Failure!.Code));
        Assert.Equal(3, core.Ledger.Entries(Alice).Count);
    }

    [Fact]
    public async Task Reversal_OfAnEntryTheAccountDoesNotHave_IsEntryNotFound()
    {
        var core = TestCore.Create();
        await core.AdjustAsync(Alice, "adj-1", 20_00);

        Assert.Equal(ErrorCode.EntryNotFound, (await core.ReverseAsync(Alice, 2)).Failure!.Code);
        Assert.Equal(ErrorCode.EntryNotFound, (await core.ReverseAsync(Alice, 0)).Failure!.Code);
        Assert.Equal(ErrorCode.EntryNotFound,
            (await core.ReverseAsync(TestCore.Account("bob"), 1)).Failure!.Code);
    }

    [Fact]
    public async Task Reversal_ConcurrentOfTheSameEntry_ExactlyOneWins()
    {
        var core = TestCore.Create();
        var credit = (await core.AdjustAsync(Alice, "adj-1", 20_00)).Value.Entry;
        var gate = new TaskCompletionSource();

        var racers = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await core.ReverseAsync(Alice, credit.Seq, by: $"admin-{i}");
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCode.AlreadyReversed, r.Failure!.Code));
        Assert.Equal(0, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Reversal_WhenCrashingAfterPosting_RetryFindsItDoneAndNothingIsDoubled()
    {
        var setup = TestCore.Create();
        var credit = (await setup.AdjustAsync(Alice, "adj-1", 20_00)).Value.Entry;
        var crashing = new CoreBuilder().WithClock(setup.Clock).WithStores(setup.Cards, setup.Ledger)
            .WithLedgerStore(s => new CrashingLedgerStore(s)).Build();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.ReverseAsync(Alice, credit.Seq));
        var retry = await crashing.ReverseAsync(Alice, credit.Seq);

        Assert.Equal(ErrorCode.AlreadyReversed, retry.Failure!.Code);
        Assert.Single(setup.Ledger.Entries(Alice), e => e.Type == EntryType.Reversal);
        Assert.Equal(0, (await setup.BalanceAsync(Alice)).Gift.Amount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Reversal_OfASeqBelowOne_IsEntryNotFoundWithoutAskingTheStore(long seq)
    {
        var core = new CoreBuilder().WithLedgerStore(s => new PositiveSeqLedgerStore(s)).Build();
        await core.AdjustAsync(Alice, "adj-1", 20_00);

        var result = await core.ReverseAsync(Alice, seq);

        Assert.Equal(ErrorCode.EntryNotFound, result.Failure!.Code);
        Assert.Single(core.Ledger.Entries(Alice));
    }

    /// <summary>A store keyed by sequence numbers, which are positive, refusing to read from any other.</summary>
    private sealed class PositiveSeqLedgerStore(ILedgerStore inner) : DelegatingLedgerStore(inner)
    {
        public override Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
            AccountId account, long fromSeq, int count, CancellationToken cancellationToken)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(fromSeq, 1);
            return base.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
        }
    }
}
