using Gifting.Core.Ledger;
using Gifting.Core.Reloads;
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

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ReloadAccount.MaxAmount + 1)]
    public async Task Reload_OfNothingOrOverTheMaximum_IsValidationFailedAndPostsNothing(long amount)
    {
        var core = TestCore.Create();

        var result = await core.ReloadAsync(Alice, "pay-1", amount);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Empty(core.Ledger.Entries(Alice));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ReloadAccount.MaxAmount)]
    public async Task Reload_OfOneMinorUnitOrExactlyTheMaximum_IsCredited(long amount)
    {
        var core = TestCore.Create();

        var result = await core.ReloadAsync(Alice, "pay-1", amount);

        Assert.Equal(amount, result.Value.Entry.Amount.Amount);
        Assert.Equal(amount, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Reload_OfAnAccountWithABalance_KeepsItsMarketplaceOverTheOneNamed()
    {
        var core = TestCore.Create();
        await core.ReloadAsync(Alice, "pay-1", 10_00, marketplace: "DE");

        var second = await core.ReloadAsync(Alice, "pay-2", 5_00, marketplace: "FR");

        Assert.Equal("DE", second.Value.Entry.Marketplace.Code);
        Assert.All(core.Ledger.Entries(Alice), e => Assert.Equal("DE", e.Marketplace.Code));
    }

    [Fact]
    public async Task Reload_OfAnAccountWithoutABalanceNamingNoMarketplace_IsValidationFailed()
    {
        var core = TestCore.Create();

        var result = await core.ReloadAccount.ExecuteAsync(
            new ReloadCommand(Alice, "pay-1", new Money(10_00, "USD"), Marketplace: null), CancellationToken.None);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Empty(core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Reload_IsCountedIntoTheGiftLiabilityOnce()
    {
        var core = TestCore.Create();

        await core.ReloadAsync(Alice, "pay-1", 40_00);
        await core.ReloadAsync(Alice, "pay-1", 40_00);

        var us = Assert.Single(
            await core.Liability.ReadAsync(Marketplace.Default, DateOnly.MinValue, DateOnly.MaxValue, default));
        Assert.Equal(40_00, us.Gift);
    }
}
