using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Refunds;

/// <summary>A refund giving a lot back while the expiry timer runs: every lot in the ledger expires once due.</summary>
public sealed class RefundExpiryRaceTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task Refund_OfALotWithinTheMinimumLead_WhenTheExpiryRunsBeforeItLands_LeavesNoLotPastItsExpiry()
    {
        var setup = TestCore.Create();
        await setup.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromMinutes(10));
        await setup.DebitAsync(Alice, 5_00, "d1", orderId: "order-1");
        PausingAppendLedgerStore? pausing = null;
        var refunding = new CoreBuilder().WithClock(setup.Clock).WithStores(setup.Cards, setup.Ledger)
            .WithExpiryIndex(setup.ExpiryIndex).WithRefundClaims(setup.RefundClaims)
            .WithLedgerStore(s => pausing = new PausingAppendLedgerStore(s)).Build();
        // Three minutes before its expiry: closer than the lead a grant must keep.
        setup.Clock.Advance(TimeSpan.FromMinutes(7));

        var refund = refunding.RefundAsync("r1", Alice, 5_00, orderId: "order-1");
        await pausing!.Reached;
        setup.Clock.Advance(TimeSpan.FromMinutes(3));
        await setup.ExpireAsync();
        pausing.Release();
        await refund;
        setup.Clock.Advance(TimeSpan.FromMinutes(5));
        await setup.ExpireAsync();

        var lots = setup.Ledger.Entries(Alice) is [.., var latest] ? latest.After.Lots : [];
        Assert.DoesNotContain(lots, l => l.ExpiresAt <= setup.Clock.GetUtcNow());
    }
}
