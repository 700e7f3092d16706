using Gifting.Core.Ledger;
using Gifting.Core.Refunds;
using Gifting.Testing;

namespace Gifting.Core.Tests.Limits;

/// <summary>
/// Privileged callers move money too: their amounts and horizons are bounded, and no sum can overflow.
/// </summary>
public sealed class MoneyLimitTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = TestCore.Create();

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(100_000_01)]
    public async Task Grant_WhenAmountIsOverTheLimit_ReturnsValidationFailedAndChangesNothing(long amount)
    {
        await _core.FundAsync(Alice, 10_00);

        var grant = await _core.GrantAsync(Alice, "g-huge", amount, TimeSpan.FromDays(30));

        Assert.Equal(ErrorCode.ValidationFailed, grant.Failure?.Code);
        Assert.Equal(10_00, (await _core.BalanceAsync(Alice)).Available.Amount);
    }

    [Fact]
    public async Task Grant_WhenExpiryIsBeyondTheHorizon_ReturnsValidationFailed()
    {
        var grant = await _core.GrantAsync(Alice, "g-forever", 5_00, TimeSpan.FromDays(366 * 6));

        Assert.Equal(ErrorCode.ValidationFailed, grant.Failure?.Code);
        Assert.Empty(_core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Refund_WhenExternalAmountIsOverTheLimit_IsRefusedAndChangesNothing()
    {
        await _core.FundAsync(Alice, 10_00);

        var refund = await _core.RefundAsync("r-huge", Alice, long.MaxValue - 5, origin: RefundOrigin.External);

        Assert.False(refund.Succeeded);
        Assert.Equal(10_00, (await _core.BalanceAsync(Alice)).Available.Amount);
    }

    [Fact]
    public async Task Post_WhenABalanceWouldPassTheMaximum_IsRefusedInsteadOfOverflowing()
    {
        var half = long.MaxValue / 2 + 1;

        var first = await CreditAsync("op-1", half);
        var second = await CreditAsync("op-2", half);

        Assert.Equal(ErrorCode.ValidationFailed, first.Failure?.Code);
        Assert.Equal(ErrorCode.ValidationFailed, second.Failure?.Code);
        Assert.Equal(0, (await _core.BalanceAsync(Alice)).Available.Amount);
    }

    [Fact]
    public async Task Post_WhenABalanceReachesExactlyTheMaximum_IsPostedAndOneMoreIsRefused()
    {
        var atMaximum = await CreditAsync("op-1", BalanceState.MaxTotal);
        var past = await CreditAsync("op-2", 1);

        Assert.True(atMaximum.Succeeded);
        Assert.Equal(ErrorCode.ValidationFailed, past.Failure?.Code);
        Assert.Equal(BalanceState.MaxTotal, (await _core.BalanceAsync(Alice)).Available.Amount);
    }

    [Fact]
    public void ExceedsMaximum_CountsThePromotionalLotsWithTheGift()
    {
        var lot = new PromoLot("grant-1", BalanceState.MaxTotal, DateTimeOffset.UnixEpoch, "grant");

        var balance = new BalanceState(1, [lot]);

        Assert.True(balance.ExceedsMaximum);
        Assert.False((balance with { Gift = 0 }).ExceedsMaximum);
    }

    private Task<Result<Posting>> CreditAsync(string opKey, long amount) =>
        _core.AccountLedger.PostAsync(Alice, Marketplace.Default, opKey,
            b => new LedgerChange(EntryType.Refund, new Money(amount, "USD"), b with { Gift = b.Gift + amount }, opKey),
            CancellationToken.None);
}
