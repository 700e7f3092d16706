using Gifting.Core.Funding;
using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Funding;

public sealed class ReserveFundingTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Reserve_TakesTheOrdersWholeTotal_InOneOrderEntry()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");

        var reserved = await _core.ReserveAsync(Acme, "ord-1", 60_00);

        Assert.Equal(new Money(-60_00, "USD"), reserved.Value.Amount);
        Assert.Equal(new Money(40_00, "USD"), reserved.Value.Available);
        var entry = _core.Funding.Entries(FundingLedger.AccountOf(Acme))[^1];
        Assert.Equal((EntryType.Order, "order:ord-1"), (entry.Type, entry.Reference));
    }

    [Fact]
    public async Task Reserve_WhenTheTotalExceedsTheFunding_AnswersInsufficientFundsAndPostsNothing()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");

        var reserved = await _core.ReserveAsync(Acme, "ord-1", 100_01);

        Assert.Equal(ErrorCode.InsufficientFunds, reserved.Failure?.Code);
        Assert.Single(_core.Funding.Entries(FundingLedger.AccountOf(Acme)));
        Assert.Equal(new Money(100_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Reserve_ForAnOrgNeverFunded_AnswersInsufficientFunds()
    {
        var reserved = await _core.ReserveAsync(Acme, "ord-1", 1);

        Assert.Equal(ErrorCode.InsufficientFunds, reserved.Failure?.Code);
    }

    [Fact]
    public async Task Reserve_WhenRepeatedForOneOrder_PostsOnce_EvenAfterTheFundingRanLow()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 60_00);

        var again = await _core.ReserveAsync(Acme, "ord-1", 60_00);

        Assert.True(again.Value.Replayed);
        Assert.Equal(new Money(40_00, "USD"), await _core.AvailableAsync(Acme));
        Assert.Single(_core.Funding.Entries(FundingLedger.AccountOf(Acme)), e => e.Type == EntryType.Order);
    }

    [Fact]
    public async Task Reserve_WhenRepeatedForOneOrderWithAnotherTotal_IsRefused()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 60_00);

        var again = await _core.ReserveAsync(Acme, "ord-1", 10_00);

        Assert.Equal(ErrorCode.ValidationFailed, again.Failure?.Code);
        Assert.Equal(new Money(40_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Reserve_InAnotherCurrencyThanTheFunding_AnswersCurrencyMismatch()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");

        var reserved = await _core.ReserveAsync(Acme, "ord-1", 10_00, currency: "EUR");

        Assert.Equal(ErrorCode.CurrencyMismatch, reserved.Failure?.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5_00)]
    public async Task Reserve_OfANonPositiveTotal_IsRefused(long total)
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");

        var reserved = await _core.ReserveAsync(Acme, "ord-1", total);

        Assert.Equal(ErrorCode.ValidationFailed, reserved.Failure?.Code);
        Assert.Equal(new Money(100_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Reserve_WithoutAnOrderId_ThrowsAndPostsNothing()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");

        await Assert.ThrowsAsync<ArgumentException>(() => _core.ReserveAsync(Acme, "", 60_00));

        Assert.Single(_core.Funding.Entries(FundingLedger.AccountOf(Acme)));
    }
}
