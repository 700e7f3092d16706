using Gifting.Core.Balances;
using Gifting.Testing;

namespace Gifting.Core.Tests.Balances;

/// <summary>The balance a redemption, debit or grant answers is the one a balance read would answer then.</summary>
public sealed class ResponseBalanceTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = new CoreBuilder().WithReviewAbove(500_00).Build();

    [Fact]
    public async Task Debit_ResponseBalance_LeavesOutExpiredLotsAndShowsPendingReview()
    {
        await ArrangeHeldCardAndExpiredLotAsync();

        var debit = await _core.DebitAsync(Alice, 1_00, "debit-1");

        Assert.Equal(Snapshot(await _core.BalanceAsync(Alice)), Snapshot(debit.Value.Balance));
    }

    [Fact]
    public async Task Grant_ResponseBalance_LeavesOutExpiredLotsAndShowsPendingReview()
    {
        await ArrangeHeldCardAndExpiredLotAsync();

        var grant = await _core.GrantAsync(Alice, "g-2", 3_00, TimeSpan.FromDays(1));

        Assert.Equal(Snapshot(await _core.BalanceAsync(Alice)), Snapshot(grant.Value.Balance));
    }

    [Fact]
    public async Task Redeem_ResponseBalance_LeavesOutExpiredLotsAndShowsPendingReview()
    {
        await ArrangeHeldCardAndExpiredLotAsync();
        var card = await _core.IssueOneAsync(7_00);

        var redeemed = await _core.RedeemAsync(Alice, card.Code.Display);

        Assert.Equal(Snapshot(await _core.BalanceAsync(Alice)), Snapshot(redeemed.Value.Balance!));
    }

    /// <summary>
    /// Alice holds 10.00 gift, a lot of 5.00 past its expiry (not yet swept) and 600.00 held for review.
    /// </summary>
    private async Task ArrangeHeldCardAndExpiredLotAsync()
    {
        await _core.FundAsync(Alice, 10_00);
        Assert.True((await _core.GrantAsync(Alice, "g-1", 5_00, TimeSpan.FromHours(1))).Succeeded);
        var held = await _core.RedeemAsync(Alice, (await _core.IssueOneAsync(600_00)).Code.Display);
        Assert.True(held.Value.PendingReview);
        _core.Clock.Advance(TimeSpan.FromHours(2));
    }

    private static (Money, Money, Money, Money, string) Snapshot(Balance b) =>
        (b.Available, b.Gift, b.Promotional, b.PendingReview,
            string.Join(",", b.Lots.Select(l => $"{l.LotId}:{l.Amount}:{l.ExpiresAt:O}")));
}
