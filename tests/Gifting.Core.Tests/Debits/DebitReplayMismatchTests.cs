using Gifting.Core.Debits;
using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Debits;

/// <summary>
/// A debit key names one request: the ledger entry remembers which, long after any idempotency record.
/// </summary>
public sealed class DebitReplayMismatchTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Debit_WhenReplayedWithAnotherOrder_AnswersIdempotencyKeyMismatch()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.DebitAsync(Alice, 5_00, "d1", orderId: "order-1");

        var replay = await _core.DebitAsync(Alice, 5_00, "d1", orderId: "order-2");

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, replay.Failure?.Code);
        Assert.Single(_core.Ledger.Entries(Alice), e => e.Type == EntryType.Debit);
    }

    [Theory]
    [InlineData(6_00, false, DebitKind.Order)]
    [InlineData(50_00, false, DebitKind.Order)]
    [InlineData(5_00, true, DebitKind.Order)]
    [InlineData(5_00, false, DebitKind.Subscription)]
    public async Task Debit_WhenReplayedWithAnotherAmountOrMode_AnswersIdempotencyKeyMismatch(
        long amount, bool allowPartial, DebitKind kind)
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.DebitAsync(Alice, 5_00, "d1");

        var replay = await _core.DebitAsync(Alice, amount, "d1", allowPartial, kind);

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, replay.Failure?.Code);
        Assert.Equal(15_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Debit_WhenFirstAllowedPartialAndReplayedWithout_AnswersIdempotencyKeyMismatch()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.DebitAsync(Alice, 5_00, "d1", allowPartial: true);

        var replay = await _core.DebitAsync(Alice, 5_00, "d1", allowPartial: false);

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, replay.Failure?.Code);
        Assert.Equal(15_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    /// <summary>Entries keep the fingerprint for good: its form must not change under them.</summary>
    [Theory]
    [InlineData(false, "ee7bd9f72570431dd8a4868d36ed1688bbf0cbbf5e3c28441c93bb4f1235ad29")]
    [InlineData(true, "3f8c908ec94afdcf88ddd5ae2ee79aca64bed62e65dd38c12a1c9a931c85d035")]
    public void Fingerprint_IsTheOneStoredEntriesCarry(bool allowPartial, string expected)
    {
        var command = new DebitCommand(Alice, "order-1", new Money(5_00, "USD"), allowPartial, DebitKind.Order, "d1");

        Assert.Equal(expected, command.Fingerprint());
    }

    [Fact]
    public async Task Debit_WhenReplayedWithTheSameRequest_StillAnswersTheFirstDebit()
    {
        await _core.FundAsync(Alice, 20_00);
        var first = (await _core.DebitAsync(Alice, 5_00, "d1", allowPartial: true, orderId: "order-1")).Value;

        var again = (await _core.DebitAsync(Alice, 5_00, "d1", allowPartial: true, orderId: "order-1")).Value;

        Assert.Equal(DebitAccountTests.Numbers(first), DebitAccountTests.Numbers(again));
    }
}
