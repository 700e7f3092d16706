using Gifting.Core.Ledger;
using Gifting.Core.Promotions;
using Gifting.Core.Refunds;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Refunds;

/// <summary>A refund from balance gives back what its order took, where it took it from, and never more.</summary>
public sealed class RefundToOriginTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");

    private readonly TestCore _core = new CoreBuilder().WithLedgerStore(s => new YieldingLedgerStore(s)).Build();

    [Fact]
    public async Task Refund_OfOrderPaidPartlyWithPromotion_GivesGiftBackFirstThenTheLotWithItsExpiry()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(10));
        var expiresAt = _core.Clock.GetUtcNow() + TimeSpan.FromDays(10);
        await _core.DebitAsync(Alice, 12_00, "d1", orderId: "order-1");

        var first = (await _core.RefundAsync("r1", Alice, 8_00, orderId: "order-1")).Value;
        var second = (await _core.RefundAsync("r2", Alice, 4_00, orderId: "order-1")).Value;

        Assert.Equal((20_00L, 1_00L), (first.Balance.Gift.Amount, first.Balance.Promotional.Amount));
        Assert.Equal((20_00L, 5_00L), (second.Balance.Gift.Amount, second.Balance.Promotional.Amount));
        var lot = Assert.Single(_core.Ledger.Entries(Alice)[^1].After.Lots);
        Assert.Equal(("promo", 5_00L, expiresAt, "test promotion"), (lot.LotId, lot.Amount, lot.ExpiresAt, lot.Source));
    }

    [Fact]
    public async Task Refund_OfOrderThatTookTwoLots_GivesBackTheLatestExpiringFirst()
    {
        await _core.GrantAsync(Alice, "soon", 5_00, TimeSpan.FromDays(10));
        await _core.GrantAsync(Alice, "late", 5_00, TimeSpan.FromDays(30));
        await _core.DebitAsync(Alice, 8_00, "d1", orderId: "order-1");

        await _core.RefundAsync("r1", Alice, 2_00, orderId: "order-1");
        await _core.RefundAsync("r2", Alice, 3_00, orderId: "order-1");
        await _core.RefundAsync("r3", Alice, 3_00, orderId: "order-1");

        var refunds = _core.Ledger.Entries(Alice).Where(e => e.Type == EntryType.Refund).ToList();
        Assert.Equal([("late", 2_00L)], refunds[0].Allocation!.Lots.Select(l => (l.LotId, l.Amount)));
        Assert.Equal(
            [("late", 1_00L), ("soon", 2_00L)], refunds[1].Allocation!.Lots.Select(l => (l.LotId, l.Amount)));
        Assert.Equal([("soon", 3_00L)], refunds[2].Allocation!.Lots.Select(l => (l.LotId, l.Amount)));
    }

    [Fact]
    public async Task Refund_OfOrderThatTookLotsExpiringTogether_GivesThemBackInLotIdOrder()
    {
        await _core.GrantAsync(Alice, "b", 5_00, TimeSpan.FromDays(10));
        await _core.GrantAsync(Alice, "a", 5_00, TimeSpan.FromDays(10));
        await _core.DebitAsync(Alice, 8_00, "d1", orderId: "order-1");

        await _core.RefundAsync("r1", Alice, 2_00, orderId: "order-1");

        var refund = _core.Ledger.Entries(Alice)[^1];
        Assert.Equal([("a", 2_00L)], refund.Allocation!.Lots.Select(l => (l.LotId, l.Amount)));
    }

    [Fact]
    public async Task Refund_OfLotExpiringExactlyTheMinimumLeadAway_ForfeitsIt()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(1));
        await _core.DebitAsync(Alice, 15_00, "d1", orderId: "order-1");
        _core.Clock.Advance(TimeSpan.FromDays(1) - PromotionLimits.Default.MinimumLead);

        var refund = (await _core.RefundAsync("r1", Alice, 15_00, orderId: "order-1")).Value;

        Assert.Equal((10_00L, 5_00L), (refund.Credited.Amount, refund.Forfeited.Amount));
        Assert.Empty(_core.Ledger.Entries(Alice)[^1].After.Lots);
    }

    [Fact]
    public async Task Refund_OfALotAlreadyForfeited_IsNotRefundableAgain()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(1));
        await _core.DebitAsync(Alice, 15_00, "d1", orderId: "order-1");
        _core.Clock.Advance(TimeSpan.FromDays(1) - PromotionLimits.Default.MinimumLead);
        await _core.RefundAsync("r1", Alice, 15_00, orderId: "order-1");

        var again = await _core.RefundAsync("r2", Alice, 5_00, orderId: "order-1");

        Assert.Equal(ErrorCode.NotRefundable, again.Failure?.Code);
        Assert.Equal(10_00, (await _core.BalanceAsync(Alice)).Available.Amount);
    }

    [Fact]
    public async Task Refund_OfLotExpiringJustBeyondTheMinimumLead_GivesItBack()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(1));
        await _core.DebitAsync(Alice, 15_00, "d1", orderId: "order-1");
        _core.Clock.Advance(TimeSpan.FromDays(1) - PromotionLimits.Default.MinimumLead - TimeSpan.FromTicks(1));

        var refund = (await _core.RefundAsync("r1", Alice, 15_00, orderId: "order-1")).Value;

        Assert.Equal((15_00L, 0L), (refund.Credited.Amount, refund.Forfeited.Amount));
        var lot = Assert.Single(_core.Ledger.Entries(Alice)[^1].After.Lots);
        Assert.Equal(("promo", 5_00L), (lot.LotId, lot.Amount));
    }

    [Fact]
    public async Task Refund_GivingBackALot_IndexesItSoTheTimerStillExpiresIt()
    {
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(1));
        await _core.DebitAsync(Alice, 5_00, "d1", orderId: "order-1");
        // Whatever became of the grant's index entry, the lot coming back must be in the index.
        foreach (var entry in _core.ExpiryIndex.Entries)
            await _core.ExpiryIndex.RemoveAsync(entry, CancellationToken.None);

        await _core.RefundAsync("r1", Alice, 5_00, orderId: "order-1");
        _core.Clock.Advance(TimeSpan.FromDays(1));
        var run = await _core.ExpireAsync();

        Assert.Equal(5_00, run.ExpiredMinorUnits);
        Assert.Equal(0, (await _core.BalanceAsync(Alice)).Available.Amount);
    }

    [Fact]
    public async Task Refund_OfLotThatHasExpiredSince_ForfeitsItAndTheEntrySaysSo()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(1));
        await _core.DebitAsync(Alice, 12_00, "d1", orderId: "order-1");
        _core.Clock.Advance(TimeSpan.FromDays(2));
        await _core.ExpireAsync();

        var refund = (await _core.RefundAsync("r1", Alice, 12_00, orderId: "order-1")).Value;

        Assert.Equal((7_00L, 5_00L), (refund.Credited.Amount, refund.Forfeited.Amount));
        Assert.Equal((20_00L, 0L), (refund.Balance.Gift.Amount, refund.Balance.Promotional.Amount));
        var entry = _core.Ledger.Entries(Alice)[^1];
        Assert.Equal((EntryType.Refund, 7_00L), (entry.Type, entry.Amount.Amount));
        var forfeited = Assert.Single(entry.Allocation!.Forfeited);
        Assert.Equal(("promo", 5_00L), (forfeited.LotId, forfeited.Amount));
        Assert.Empty(entry.After.Lots);
    }

    [Fact]
    public async Task Refund_BeyondWhatTheOrderTookLessEarlierRefunds_IsNotRefundableAndChangesNothing()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.DebitAsync(Alice, 6_00, "d1", orderId: "order-1");
        await _core.DebitAsync(Alice, 4_00, "d2", orderId: "order-1");

        var first = await _core.RefundAsync("r1", Alice, 6_00, orderId: "order-1");
        var tooMuch = await _core.RefundAsync("r2", Alice, 4_01, orderId: "order-1");
        var rest = await _core.RefundAsync("r3", Alice, 4_00, orderId: "order-1");
        var more = await _core.RefundAsync("r4", Alice, 1, orderId: "order-1");

        Assert.True(first.Succeeded && rest.Succeeded);
        Assert.Equal((ErrorCode.NotRefundable, ErrorCode.NotRefundable), (tooMuch.Failure?.Code, more.Failure?.Code));
        Assert.Equal(2, _core.Ledger.Entries(Alice).Count(e => e.Type == EntryType.Refund));
        Assert.Equal(20_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Refund_OfALotInParts_GivesBackNoMoreThanTheDebitTook()
    {
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(30));
        await _core.DebitAsync(Alice, 5_00, "d1", orderId: "order-1");

        var first = await _core.RefundAsync("r1", Alice, 2_00, orderId: "order-1");
        var second = await _core.RefundAsync("r2", Alice, 3_00, orderId: "order-1");
        var third = await _core.RefundAsync("r3", Alice, 1, orderId: "order-1");

        Assert.Equal((2_00L, 3_00L), (first.Value.Credited.Amount, second.Value.Credited.Amount));
        Assert.Equal(ErrorCode.NotRefundable, third.Failure?.Code);
        Assert.Equal(2, _core.Ledger.Entries(Alice).Count(e => e.Type == EntryType.Refund));
        Assert.Equal(5_00, _core.Ledger.Entries(Alice)[^1].After.Lots.Sum(l => l.Amount));
    }

    [Fact]
    public async Task Refunds_OfOneOrderRacing_NeverGiveBackMoreThanItTook()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.DebitAsync(Alice, 10_00, "d1", orderId: "order-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => Task.Run(() => _core.RefundAsync($"r{i}", Alice, 4_00, orderId: "order-1"))));

        Assert.Equal(2, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCode.NotRefundable, r.Failure?.Code));
        Assert.Equal(18_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Refund_OfAnOrderThisAccountNeverPaid_IsNotRefundable()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.FundAsync(Bob, 20_00);
        await _core.DebitAsync(Bob, 5_00, "d1", orderId: "order-bob");

        var unknown = await _core.RefundAsync("r1", Alice, 5_00, orderId: "order-x");
        var someoneElses = await _core.RefundAsync("r2", Alice, 5_00, orderId: "order-bob");

        Assert.Equal(
            (ErrorCode.NotRefundable, ErrorCode.NotRefundable), (unknown.Failure?.Code, someoneElses.Failure?.Code));
        Assert.Single(_core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Refund_InAnotherCurrencyThanTheOrder_IsCurrencyMismatchAndChangesNothing()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.DebitAsync(Alice, 5_00, "d1", orderId: "order-1");

        var refund = await _core.RefundAsync("r1", Alice, 5_00, currency: "EUR", orderId: "order-1");

        Assert.Equal(ErrorCode.CurrencyMismatch, refund.Failure?.Code);
        Assert.Equal(2, _core.Ledger.Entries(Alice).Count);
    }

    [Fact]
    public async Task Refund_FromAnExternalPayment_CreditsGiftAndLeavesTheBalanceRefundAlone()
    {
        await _core.GrantAsync(Alice, "promo", 10_00, TimeSpan.FromDays(5));
        await _core.DebitAsync(Alice, 10_00, "d1", orderId: "order-1");

        var external =
            (await _core.RefundAsync("r1", Alice, 30_00, orderId: "order-1", origin: RefundOrigin.External)).Value;
        var fromBalance = (await _core.RefundAsync("r2", Alice, 10_00, orderId: "order-1")).Value;

        Assert.Equal((30_00L, 0L), (external.Balance.Gift.Amount, external.Balance.Promotional.Amount));
        Assert.Equal((30_00L, 10_00L), (fromBalance.Balance.Gift.Amount, fromBalance.Balance.Promotional.Amount));
    }

    [Fact]
    public async Task Refund_ReplayedAfterItWasPosted_AnswersTheFirstAmounts()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(1));
        await _core.DebitAsync(Alice, 12_00, "d1", orderId: "order-1");
        _core.Clock.Advance(TimeSpan.FromDays(2));
        await _core.RefundAsync("r1", Alice, 12_00, orderId: "order-1");

        var again = (await _core.RefundAsync("r1", Alice, 12_00, orderId: "order-1")).Value;

        Assert.Equal((7_00L, 5_00L, true), (again.Credited.Amount, again.Forfeited.Amount, again.AlreadyCredited));
    }

    [Fact]
    public async Task Refund_WhenTheOrderSpentLotsNowAlsoHeld_AddsBackToTheSameLot()
    {
        await _core.GrantAsync(Alice, "promo", 10_00, TimeSpan.FromDays(5));
        await _core.DebitAsync(Alice, 4_00, "d1", orderId: "order-1");

        await _core.RefundAsync("r1", Alice, 3_00, orderId: "order-1");

        var lot = Assert.Single(_core.Ledger.Entries(Alice)[^1].After.Lots);
        Assert.Equal(("promo", 9_00L), (lot.LotId, lot.Amount));
        Assert.Contains(_core.ExpiryIndex.Entries, e => e.LotId == "promo");
    }
}
