using Gifting.Core.Ledger;
using Gifting.Core.Refunds;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Refunds;

public sealed class CreditRefundTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = new CoreBuilder().WithLedgerStore(s => new YieldingLedgerStore(s)).Build();

    [Fact]
    public async Task Refund_CreditsTheGiftBalance()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.DebitAsync(Alice, 15_00, "d1", orderId: "order-7");

        var refund = (await _core.RefundAsync("r1", Alice, 15_00, orderId: "order-7")).Value;

        Assert.Equal(
            (15_00L, 20_00L, false), (refund.Credited.Amount, refund.Balance.Gift.Amount, refund.AlreadyCredited));
        var entry = _core.Ledger.Entries(Alice)[^1];
        Assert.Equal((EntryType.Refund, 15_00L, "order:order-7"), (entry.Type, entry.Amount.Amount, entry.Reference));
    }

    [Fact]
    public async Task Refund_WhenDeliveredTenTimesInTurn_CreditsOnce()
    {
        await _core.FundAsync(Alice, 5_00);
        await _core.DebitAsync(Alice, 3_00, "d1");

        for (var i = 0; i < 10; i++) await _core.RefundAsync("r1", Alice, 3_00);

        Assert.Single(_core.Ledger.Entries(Alice), e => e.Type == EntryType.Refund);
        Assert.Equal(5_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Refund_WhenDeliveredTenTimesAtOnce_CreditsOnce()
    {
        await _core.FundAsync(Alice, 5_00);
        await _core.DebitAsync(Alice, 3_00, "d1");

        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => _core.RefundAsync("r1", Alice, 3_00))));

        Assert.All(results, r => Assert.Equal(3_00, r.Value.Credited.Amount));
        Assert.Single(results, r => !r.Value.AlreadyCredited);
        Assert.Single(_core.Ledger.Entries(Alice), e => e.Type == EntryType.Refund);
        Assert.Equal(5_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Refund_WhenRepeatedWithOtherAmounts_KeepsTheFirstCreditAndRefusesTheOthers()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.DebitAsync(Alice, 8_00, "d1");
        await _core.RefundAsync("r1", Alice, 3_00);

        var results = await Task.WhenAll(new long[] { 1, 3_00, 99_00, 7_00 }
            .Select(a => Task.Run(() => _core.RefundAsync("r1", Alice, a))));

        Assert.Equal((3_00L, true), (results[1].Value.Credited.Amount, results[1].Value.AlreadyCredited));
        Assert.All(new[] { results[0], results[2], results[3] },
            r => Assert.Equal(ErrorCode.IdempotencyKeyMismatch, r.Failure?.Code));
        Assert.Single(_core.Ledger.Entries(Alice), e => e.Type == EntryType.Refund);
        Assert.Equal(5_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Refund_WhenRepeatedForAnotherOrder_IsRefusedAndCreditsNothing()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.DebitAsync(Alice, 4_00, "d1", orderId: "order-1");
        await _core.DebitAsync(Alice, 4_00, "d2", orderId: "order-2");
        await _core.RefundAsync("r1", Alice, 3_00, orderId: "order-1");

        var again = await _core.RefundAsync("r1", Alice, 3_00, orderId: "order-2");

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, again.Failure?.Code);
        Assert.Single(_core.Ledger.Entries(Alice), e => e.Type == EntryType.Refund);
        Assert.Equal(5_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Refund_FromAnExternalPaymentWhenRepeatedWithAnotherAmount_IsRefused()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.RefundAsync("r1", Alice, 3_00, origin: RefundOrigin.External);

        var again = await _core.RefundAsync("r1", Alice, 4_00, origin: RefundOrigin.External);

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, again.Failure?.Code);
        Assert.Equal(13_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5_00)]
    public async Task Refund_WhenAmountNotPositive_ReturnsValidationFailed(long amount)
    {
        await _core.FundAsync(Alice, 5_00);

        Assert.Equal(ErrorCode.ValidationFailed, (await _core.RefundAsync("r1", Alice, amount)).Failure?.Code);
        Assert.Single(_core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Refund_OfExactlyTheMaximumAmount_IsCredited()
    {
        await _core.FundAsync(Alice, 5_00);
        var max = RefundLimits.Default.MaxAmount;

        var refund = await _core.RefundAsync("r1", Alice, max, origin: RefundOrigin.External);

        Assert.Equal(max, refund.Value.Credited.Amount);
        Assert.Equal(5_00 + max, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Refund_OfOneMoreThanTheMaximumAmount_ReturnsValidationFailedAndCreditsNothing()
    {
        await _core.FundAsync(Alice, 5_00);

        var refund = await _core.RefundAsync(
            "r1", Alice, RefundLimits.Default.MaxAmount + 1, origin: RefundOrigin.External);

        Assert.Equal(ErrorCode.ValidationFailed, refund.Failure?.Code);
        Assert.Single(_core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Refund_WhenAnotherRefundOfTheOrderLandsAfterItReadTheOrder_DecidesAgainOnWhatIsLeft()
    {
        Func<Task> between = () => Task.CompletedTask;
        var core = new CoreBuilder().WithLedgerStore(s => new HookedReferenceLedgerStore(s, () => between())).Build();
        await core.FundAsync(Alice, 20_00);
        await core.DebitAsync(Alice, 10_00, "d1", orderId: "order-1");
        between = () =>
        {
            between = () => Task.CompletedTask;
            return core.RefundAsync("r2", Alice, 6_00, orderId: "order-1");
        };

        var refund = await core.RefundAsync("r1", Alice, 6_00, orderId: "order-1");

        Assert.Equal(ErrorCode.NotRefundable, refund.Failure?.Code);
        Assert.Single(core.Ledger.Entries(Alice), e => e.Type == EntryType.Refund);
        Assert.Equal(16_00, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Refund_FromBalance_ReadsTheOrdersEntriesOnce()
    {
        var reads = 0;
        var core = new CoreBuilder()
            .WithLedgerStore(s => new HookedReferenceLedgerStore(s, () => Task.FromResult(++reads))).Build();
        await core.FundAsync(Alice, 20_00);
        await core.DebitAsync(Alice, 10_00, "d1", orderId: "order-1");

        var refund = await core.RefundAsync("r1", Alice, 6_00, orderId: "order-1");

        Assert.Equal((6_00L, 1), (refund.Value.Credited.Amount, reads));
    }

    [Fact]
    public async Task Refund_WhenAccountHasNoEntries_ReturnsValidationFailed()
    {
        var result = await _core.RefundAsync("r1", TestCore.Account("nobody"), 5_00);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Empty(_core.Ledger.Entries(TestCore.Account("nobody")));
    }

    [Fact]
    public async Task Refund_WhenCurrencyIsNotTheAccounts_ReturnsCurrencyMismatch()
    {
        await _core.FundAsync(Alice, 5_00);

        Assert.Equal(
            ErrorCode.CurrencyMismatch, (await _core.RefundAsync("r1", Alice, 5_00, currency: "GBP")).Failure?.Code);
    }

    [Fact]
    public async Task Refund_WhenCrashingAfterPosting_RedeliveryCreditsNothingMore()
    {
        var setup = TestCore.Create();
        await setup.FundAsync(Alice, 5_00);
        await setup.DebitAsync(Alice, 4_00, "d1");
        var crashing = new CoreBuilder().WithClock(setup.Clock).WithStores(setup.Cards, setup.Ledger)
            .WithLedgerStore(s => new CrashingLedgerStore(s)).Build();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.RefundAsync("r1", Alice, 4_00));
        var redelivered = (await crashing.RefundAsync("r1", Alice, 4_00)).Value;

        Assert.True(redelivered.AlreadyCredited);
        Assert.Single(setup.Ledger.Entries(Alice), e => e.Type == EntryType.Refund);
        Assert.Equal(5_00, (await setup.BalanceAsync(Alice)).Gift.Amount);
    }

    /// <summary>Runs something else after each read of entries by reference, once at a time.</summary>
    private sealed class HookedReferenceLedgerStore(ILedgerStore inner, Func<Task> afterRead)
        : DelegatingLedgerStore(inner)
    {
        private int _running;

        public override async Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
            AccountId account, string reference, long upToSeq, CancellationToken cancellationToken)
        {
            var found = await base.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);
            if (Interlocked.Exchange(ref _running, 1) == 0)
            {
                await afterRead();
                Volatile.Write(ref _running, 0);
            }
            return found;
        }
    }
}
