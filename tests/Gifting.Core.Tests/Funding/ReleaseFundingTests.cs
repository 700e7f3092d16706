using Gifting.Core.Funding;
using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Funding;

public sealed class ReleaseFundingTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Release_GivesALinesValueBack_OncePerLine()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 75_00);

        var first = await _core.ReleaseAsync(Acme, "ord-1", "line-1", 25_00);
        var again = await _core.ReleaseAsync(Acme, "ord-1", "line-1", 25_00);

        Assert.False(first.Value.Replayed);
        Assert.True(again.Value.Replayed);
        Assert.Equal(new Money(50_00, "USD"), await _core.AvailableAsync(Acme));
        var entry = _core.Funding.Entries(FundingLedger.AccountOf(Acme))[^1];
        Assert.Equal((EntryType.OrderRelease, 25_00L), (entry.Type, entry.Amount.Amount));
    }

    [Fact]
    public async Task Release_NeverGivesBackMoreThanTheOrderReserved()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 50_00);
        await _core.ReserveAsync(Acme, "ord-2", 50_00);
        await _core.ReleaseAsync(Acme, "ord-1", "line-1", 30_00);

        var tooMuch = await _core.ReleaseAsync(Acme, "ord-1", "line-2", 20_01);
        var rest = await _core.ReleaseAsync(Acme, "ord-1", "line-2", 20_00);

        Assert.Equal(ErrorCode.ValidationFailed, tooMuch.Failure?.Code);
        Assert.True(rest.Succeeded);
        Assert.Equal(new Money(50_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Release_ForAnOrderThatReservedNothing_IsRefused()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");

        var result = await _core.ReleaseAsync(Acme, "ord-9", "line-1", 1_00);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Single(_core.Funding.Entries(FundingLedger.AccountOf(Acme)));
    }

    [Fact]
    public async Task Release_OfAnotherOrgsOrder_IsRefused()
    {
        var other = TestCore.Org("globex");
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.AddFundingAsync(other, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 50_00);

        var result = await _core.ReleaseAsync(other, "ord-1", "line-1", 10_00);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Equal(new Money(100_00, "USD"), await _core.AvailableAsync(other));
    }

    [Fact]
    public async Task Release_WhenRepeatedWithAnotherAmount_IsRefused()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 50_00);
        await _core.ReleaseAsync(Acme, "ord-1", "line-1", 10_00);

        var result = await _core.ReleaseAsync(Acme, "ord-1", "line-1", 20_00);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Equal(new Money(60_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Release_OfZero_IsRefusedAndPostsNothing()
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 50_00);

        var result = await _core.ReleaseAsync(Acme, "ord-1", "line-1", 0);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Equal(2, _core.Funding.Entries(FundingLedger.AccountOf(Acme)).Count);
    }

    [Theory]
    [InlineData("", "line-1")]
    [InlineData("ord-1", "")]
    public async Task Release_WithoutAnOrderOrLineId_ThrowsAndPostsNothing(string orderId, string lineId)
    {
        await _core.AddFundingAsync(Acme, 100_00, "key-1");
        await _core.ReserveAsync(Acme, "ord-1", 75_00);

        await Assert.ThrowsAsync<ArgumentException>(() => _core.ReleaseAsync(Acme, orderId, lineId, 25_00));

        Assert.Equal(2, _core.Funding.Entries(FundingLedger.AccountOf(Acme)).Count);
    }
}
