using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Refunds;

public sealed class RefundOfPromotionalLotsTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task Refund_OfALotInParts_GivesBackNoMoreThanTheDebitTook()
    {
        var core = TestCore.Create();
        await core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(30));
        await core.DebitAsync(Alice, 5_00, "d1", orderId: "order-1");

        var first = await core.RefundAsync("r1", Alice, 2_00, orderId: "order-1");
        var second = await core.RefundAsync("r2", Alice, 3_00, orderId: "order-1");
        var third = await core.RefundAsync("r3", Alice, 1, orderId: "order-1");

        Assert.Equal((2_00L, 3_00L), (first.Value.Credited.Amount, second.Value.Credited.Amount));
        Assert.Equal(ErrorCode.NotRefundable, third.Failure?.Code);
        Assert.Equal(2, core.Ledger.Entries(Alice).Count(e => e.Type == EntryType.Refund));
        Assert.Equal(5_00, core.Ledger.Entries(Alice)[^1].After.Lots.Sum(l => l.Amount));
    }
}
