using Gifting.Core.Funding;
using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Funding;

public sealed class AddFundingTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    private readonly TestCore _core = new CoreBuilder().WithFundingLimits(new FundingLimits(1_000_000_00)).Build();

    [Fact]
    public async Task AddFunding_AddsToTheOrgsFunding_AndPostsOneFundingEntry()
    {
        var first = await _core.AddFundingAsync(Acme, 500_00, "key-1");
        var second = await _core.AddFundingAsync(Acme, 250_00, "key-2");

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(new Money(750_00, "USD"), second.Value.Available);
        Assert.Equal(new Money(750_00, "USD"), await _core.AvailableAsync(Acme));
        var entries = _core.Funding.Entries(FundingLedger.AccountOf(Acme));
        Assert.Equal([EntryType.Funding, EntryType.Funding], entries.Select(e => e.Type));
        Assert.Equal("funding:PO-1", entries[0].Reference);
    }

    [Fact]
    public async Task AddFunding_WhenReplayedWithTheSameKey_PostsOnceAndAnswersTheFirstFunding()
    {
        await _core.AddFundingAsync(Acme, 500_00, "key-1");
        var replay = await _core.AddFundingAsync(Acme, 500_00, "key-1");

        Assert.True(replay.Value.Replayed);
        Assert.Equal(new Money(500_00, "USD"), replay.Value.Amount);
        Assert.Single(_core.Funding.Entries(FundingLedger.AccountOf(Acme)));
    }

    [Fact]
    public async Task AddFunding_WhenReplayedWithAnotherAmount_AnswersIdempotencyKeyMismatch()
    {
        await _core.AddFundingAsync(Acme, 500_00, "key-1");
        var replay = await _core.AddFundingAsync(Acme, 900_00, "key-1");

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, replay.Failure?.Code);
        Assert.Equal(new Money(500_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000_01)]
    public async Task AddFunding_WhenNotPositiveOrAboveTheLimit_IsRefusedAndPostsNothing(long amount)
    {
        var result = await _core.AddFundingAsync(Acme, amount, "key-1");

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Empty(_core.Funding.Entries(FundingLedger.AccountOf(Acme)));
    }

    [Fact]
    public async Task AddFunding_AtTheLimit_IsAccepted()
    {
        var result = await _core.AddFundingAsync(Acme, 1_000_000_00, "key-1");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task AddFunding_InAnotherCurrencyThanTheFirst_AnswersCurrencyMismatch()
    {
        await _core.AddFundingAsync(Acme, 500_00, "key-1", currency: "EUR");
        var result = await _core.AddFundingAsync(Acme, 500_00, "key-2", currency: "USD");

        Assert.Equal(ErrorCode.CurrencyMismatch, result.Failure?.Code);
        Assert.Contains("EUR", result.Failure!.Detail, StringComparison.Ordinal);
        Assert.Equal(new Money(500_00, "EUR"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task AddFunding_InACurrencyNoMarketplaceUses_IsRefused()
    {
        var result = await _core.AddFundingAsync(Acme, 500_00, "key-1", currency: "XYZ");

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Empty(_core.Funding.Entries(FundingLedger.AccountOf(Acme)));
    }

    [Fact]
    public async Task AddFunding_NeverTouchesTheLedgerOfAShopperWhoseSubIsTheOrgsId()
    {
        var shopper = TestCore.Account("acme");
        await _core.FundAsync(shopper, 10_00);

        await _core.AddFundingAsync(Acme, 500_00, "key-1");

        Assert.Equal(10_00, (await _core.BalanceAsync(shopper)).Available.Amount);
        Assert.DoesNotContain(_core.Ledger.Entries(shopper), e => e.Type == EntryType.Funding);
        Assert.Equal(new Money(500_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task GetFunding_ForAnOrgNeverFunded_AnswersZeroInTheCallersMarketplaceCurrency()
    {
        Assert.Equal(new Money(0, "GBP"), await _core.AvailableAsync(Acme, "GB"));
        await _core.AddFundingAsync(Acme, 500_00, "key-1", currency: "EUR");
        Assert.Equal(new Money(500_00, "EUR"), await _core.AvailableAsync(Acme, "GB"));
    }
}
