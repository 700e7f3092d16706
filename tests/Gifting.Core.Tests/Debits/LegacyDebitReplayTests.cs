using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Debits;

/// <summary>
/// A debit posted before entries recorded their allocation and fingerprint: a replay is checked against its order and
/// answered from the balance before it.
/// </summary>
public sealed class LegacyDebitReplayTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = new CoreBuilder().WithLedgerStore(s => new LegacyDebitLedgerStore(s)).Build();

    [Fact]
    public async Task Debit_WhenReplayedOnAnEntryWithoutAllocation_AnswersWhatItTookOffTheBalanceBefore()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.GrantAsync(Alice, "promo", 3_00, TimeSpan.FromDays(1));
        var first = (await _core.DebitAsync(Alice, 8_00, "d1", orderId: "order-1")).Value;

        var again = (await _core.DebitAsync(Alice, 8_00, "d1", orderId: "order-1")).Value;

        Assert.Equal(
            (first.Seq, 8_00L, 3_00L, 5_00L),
            (again.Seq, again.Applied.Amount, again.FromPromotional.Amount, again.FromGift.Amount));
        Assert.Equal(15_00, again.Balance.Gift.Amount);
        Assert.Single(_core.Ledger.Entries(Alice), e => e.Type == EntryType.Debit);
    }

    [Fact]
    public async Task Debit_WhenReplayedOnAnEntryWithoutAllocationAfterLaterEntries_StillAnswersTheFirstNumbers()
    {
        await _core.FundAsync(Alice, 20_00);
        var first = (await _core.DebitAsync(Alice, 8_00, "d1", orderId: "order-1")).Value;
        await _core.FundAsync(Alice, 4_00);

        var again = (await _core.DebitAsync(Alice, 8_00, "d1", orderId: "order-1")).Value;

        Assert.Equal((first.Seq, 0L, 8_00L), (again.Seq, again.FromPromotional.Amount, again.FromGift.Amount));
        Assert.Single(_core.Ledger.Entries(Alice), e => e.Type == EntryType.Debit);
    }

    [Fact]
    public async Task Debit_WhenReplayedOnAnEntryWithoutFingerprintForAnotherOrder_AnswersIdempotencyKeyMismatch()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.DebitAsync(Alice, 8_00, "d1", orderId: "order-1");

        var replay = await _core.DebitAsync(Alice, 8_00, "d1", orderId: "order-2");

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, replay.Failure?.Code);
        Assert.Single(_core.Ledger.Entries(Alice), e => e.Type == EntryType.Debit);
        Assert.Equal(12_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    /// <summary>Stores debits as they were stored before entries carried an allocation and a fingerprint.</summary>
    private sealed class LegacyDebitLedgerStore(ILedgerStore inner) : DelegatingLedgerStore(inner)
    {
        public override Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
            base.TryAppendAsync(
                entry.Type == EntryType.Debit ? entry with { Allocation = null, Fingerprint = null } : entry,
                cancellationToken);
    }
}
