using Gifting.Core.Adjustments;
using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Controls;

public sealed class AdjustBalanceTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task Adjustment_CreditAndDebit_MoveTheGiftBalanceAndSayWhoAndWhy()
    {
        var core = TestCore.Create();
        await core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(3));

        var credit = (await core.AdjustAsync(Alice, "adj-1", 20_00, reason: AdjustmentReason.Goodwill)).Value;
        var debit = (await core.AdjustAsync(Alice, "adj-2", 7_00, credit: false)).Value;

        Assert.Equal((EntryType.Adjustment, 20_00L), (credit.Entry.Type, credit.Entry.Amount.Amount));
        Assert.Equal(-7_00, debit.Entry.Amount.Amount);
        Assert.Equal(new EntryNote("admin-1", "goodwill", null), credit.Entry.Note);
        var balance = await core.BalanceAsync(Alice);
        Assert.Equal((13_00L, 5_00L), (balance.Gift.Amount, balance.Promotional.Amount));
    }

    [Fact]
    public async Task Adjustment_DebitBeyondTheGiftBalance_IsInsufficientFundsEvenWithPromotionalCredit()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 10_00);
        await core.GrantAsync(Alice, "promo", 50_00, TimeSpan.FromDays(3));

        var result = await core.AdjustAsync(Alice, "adj-1", 10_01, credit: false);

        Assert.Equal(ErrorCode.InsufficientFunds, result.Failure!.Code);
        Assert.Single(core.Ledger.Entries(Alice), e => e.Type == EntryType.Redemption);
    }

    [Fact]
    public async Task Adjustment_RepeatedId_AnswersTheFirstAndAnotherAdjustmentUnderItIsRefused()
    {
        var core = TestCore.Create();
        var first = (await core.AdjustAsync(Alice, "adj-1", 20_00)).Value;

        var again = (await core.AdjustAsync(Alice, "adj-1", 20_00)).Value;
        var other = await core.AdjustAsync(Alice, "adj-1", 30_00);

        Assert.Equal((first.Entry.Seq, true), (again.Entry.Seq, again.Replayed));
        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, other.Failure!.Code);
        Assert.Equal(20_00, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Theory]
    [InlineData(AdjustmentReason.Goodwill, false)]
    [InlineData(AdjustmentReason.Chargeback, true)]
    [InlineData(AdjustmentReason.FraudRecovery, true)]
    public async Task Adjustment_InADirectionItsReasonCannotMean_IsRefused(AdjustmentReason reason, bool credit)
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 10_00);

        var result = await core.AdjustAsync(Alice, "adj-1", 1_00, credit, reason);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure!.Code);
    }

    [Fact]
    public async Task Adjustment_InAnotherCurrency_IsCurrencyMismatch()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 10_00);

        var result = await core.AdjustAsync(Alice, "adj-1", 1_00, currency: "CAD");

        Assert.Equal(ErrorCode.CurrencyMismatch, result.Failure!.Code);
    }

    [Fact]
    public async Task Adjustment_OfAFrozenAccount_IsPosted()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 10_00);
        await core.FreezeAsync(Alice);

        var result = await core.AdjustAsync(Alice, "adj-1", 10_00, credit: false, AdjustmentReason.FraudRecovery);

        Assert.True(result.Succeeded);
        Assert.Equal(0, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Adjustment_WhenCrashingAfterPosting_RetryAnswersTheSameEntryWithoutMovingTwice()
    {
        var setup = TestCore.Create();
        await setup.FundAsync(Alice, 30_00);
        var crashing = new CoreBuilder().WithClock(setup.Clock).WithStores(setup.Cards, setup.Ledger)
            .WithLedgerStore(s => new CrashingLedgerStore(s)).Build();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.AdjustAsync(Alice, "a", 12_00, false));
        var retry = (await crashing.AdjustAsync(Alice, "a", 12_00, false)).Value;

        Assert.True(retry.Replayed);
        Assert.Single(setup.Ledger.Entries(Alice), e => e.Type == EntryType.Adjustment);
        Assert.Equal(18_00, (await setup.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Adjustment_RepeatedIdAsADebit_IsIdempotencyKeyMismatch()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 50_00);
        await core.AdjustAsync(Alice, "adj-1", 10_00);

        var debit = await core.AdjustAsync(Alice, "adj-1", 10_00, credit: false);

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, debit.Failure!.Code);
        Assert.Equal(60_00, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Adjustment_RepeatedIdWithAnotherReason_IsIdempotencyKeyMismatch()
    {
        var core = TestCore.Create();
        await core.AdjustAsync(Alice, "adj-1", 10_00, reason: AdjustmentReason.Correction);

        var other = await core.AdjustAsync(Alice, "adj-1", 10_00, reason: AdjustmentReason.Migration);

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, other.Failure!.Code);
        Assert.Single(core.Ledger.Entries(Alice));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AdjustBalance.MaxAmount + 1)]
    public async Task Adjustment_OfZeroOrAboveTheMaximum_IsRefusedAndPostsNothing(long amount)
    {
        var core = TestCore.Create();

        var result = await core.AdjustAsync(Alice, "adj-1", amount);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure!.Code);
        Assert.Empty(core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Adjustment_OfExactlyTheMaximum_IsPosted()
    {
        var core = TestCore.Create();

        var result = await core.AdjustAsync(Alice, "adj-1", AdjustBalance.MaxAmount);

        Assert.Equal(AdjustBalance.MaxAmount, result.Value.Entry.Amount.Amount);
        Assert.Equal(AdjustBalance.MaxAmount, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Adjustment_DebitOfAnAccountWithoutBalanceOrMarketplace_IsInsufficientFunds()
    {
        var core = TestCore.Create();
        var command = new AdjustmentCommand(Alice, "adj-1", false, new Money(1_00, "USD"),
            AdjustmentReason.Correction, null, "admin-1", null);

        var result = await core.AdjustBalance.ExecuteAsync(command, CancellationToken.None);

        Assert.Equal(ErrorCode.InsufficientFunds, result.Failure!.Code);
        Assert.Empty(core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Adjustment_Entry_IsReferencedByItsAdjustmentId()
    {
        var core = TestCore.Create();

        var entry = (await core.AdjustAsync(Alice, "adj-7", 5_00)).Value.Entry;

        Assert.Equal("adjustment:adj-7", entry.Reference);
    }

    [Theory]
    [InlineData(AdjustmentReason.FraudRecovery, "fraud_recovery")]
    [InlineData(AdjustmentReason.LegalOrder, "legal_order")]
    [InlineData(AdjustmentReason.Escheatment, "escheatment")]
    [InlineData(AdjustmentReason.Chargeback, "chargeback")]
    public async Task Adjustment_DebitForATakingReason_IsPostedWithTheReasonsCode(AdjustmentReason reason, string code)
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 10_00);

        var result = await core.AdjustAsync(Alice, "adj-1", 4_00, credit: false, reason);

        Assert.Equal(new EntryNote("admin-1", code, null), result.Value.Entry.Note);
        Assert.Equal(6_00, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Theory]
    [InlineData(true, "adjustment\nadj-1\ncredit\n500 USD\nCorrection\nnote")]
    [InlineData(false, "adjustment\nadj-1\ndebit\n500 USD\nCorrection\nnote")]
    public void Fingerprint_IsTheOneStoredEntriesCarry(bool credit, string request)
    {
        var command = new AdjustmentCommand(Alice, "adj-1", credit, new Money(5_00, "USD"),
            AdjustmentReason.Correction, "note", "ops", Marketplace.Default);

        Assert.Equal(RequestFingerprint.Of(request), command.Fingerprint());
    }
}
