using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Refunds;

/// <summary>A refused refund message changes nothing, not even which account its refund id belongs to.</summary>
public sealed class RefusedRefundClaimTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");

    [Fact]
    public async Task Refund_FirstSentToAnAccountWithoutTheOrder_StillCreditsTheAccountThatPaid()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 20_00);
        await core.FundAsync(Bob, 20_00);
        await core.DebitAsync(Bob, 5_00, "pay-bob", orderId: "order-1");

        var misaddressed = await core.RefundAsync("r1", Alice, 5_00, orderId: "order-1");
        var corrected = await core.RefundAsync("r1", Bob, 5_00, orderId: "order-1");

        Assert.Equal(ErrorCode.NotRefundable, misaddressed.Failure?.Code);
        Assert.True(corrected.Succeeded, corrected.Failure?.Detail);
        Assert.Equal(20_00, (await core.BalanceAsync(Bob)).Gift.Amount);
        Assert.DoesNotContain(core.Ledger.Entries(Alice), e => e.Type == EntryType.Refund);
    }
}
