using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Controls;

public sealed class ReloadAccountTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task Reload_CreditsTheGiftBalanceOncePerPayment()
    {
        var core = TestCore.Create();

        var first = (await core.ReloadAsync(Alice, "pay-1", 40_00)).Value;
        var again = (await core.ReloadAsync(Alice, "pay-1", 40_00)).Value;

        Assert.Equal((EntryType.Reload, 40_00L, "payment:pay-1"),
            (first.Entry.Type, first.Entry.Amount.Amount, first.Entry.Reference));
        Assert.True(again.Replayed);
        Assert.Equal(first.Entry.Seq, again.Entry.Seq);
        Assert.Equal(40_00, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Reload_WhenThePaymentIdWasUsedForAnotherAmount_IsRefused()
    {
        var core = TestCore.Create();
        await core.ReloadAsync(Alice, "pay-1", 40_00);

        var other = await core.ReloadAsync(Alice, "pay-1", 41_00);

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, other.Failure!.Code);
        Assert.Equal(40_00, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Reload_InAnotherCurrencyThanTheBalance_IsCurrencyMismatch()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 10_00);

        var result = await core.ReloadAsync(Alice, "pay-1", 10_00, currency: "CAD");

        Assert.Equal(ErrorCode.CurrencyMismatch, result.Failure!.Code);
    }

    [Fact]
    public async Task Reload_OfAFrozenAccount_IsRefusedButOnePostedBeforeTheFreezeIsStillAnswered()
    {
        var core = TestCore.Create();
        await core.ReloadAsync(Alice, "pay-1", 10_00);
        await core.FreezeAsync(Alice);

        var refused = await core.ReloadAsync(Alice, "pay-2", 10_00);
        var replayed = await core.ReloadAsync(Alice, "pay-1", 10_00);

        Assert.Equal(ErrorCode.AccountFrozen, refused.Failure!.Code);
        Assert.True(replayed.Value.Replayed);
        Assert.Equal(10_00, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Reload_WhenCrashingAfterPosting_RetryAnswersTheSameEntryWithoutCreditingTwice()
    {
        var setup = TestCore.Create();
        var crashing = new CoreBuilder().WithClock(setup.Clock).WithStores(setup.Cards, setup.Ledger)
            .WithLedgerStore(s => new CrashingLedgerStore(s)).Build();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.ReloadAsync(Alice, "pay-1", 25_00));
        var retry = (await crashing.ReloadAsync(Alice, "pay-1", 25_00)).Value;

        Assert.True(retry.Replayed);
        Assert.Single(setup.Ledger.Entries(Alice));
        Assert.Equal(25_00, (await setup.BalanceAsync(Alice)).Gift.Amount);
    }
}
