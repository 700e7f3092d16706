using Gifting.Core.Ledger;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Promotions;

/// <summary>A grant and the expiry timer overlapping: every lot that reaches the ledger is expired once due.</summary>
public sealed class ExpiryRaceTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task Grant_WhenTheExpiryRunsBetweenIndexingAndPosting_LeavesNoLotPastItsExpiry()
    {
        var setup = TestCore.Create();
        PausingExpiryIndex? pausing = null;
        // The grant stalls after writing its index entry, before it posts.
        var granting = new CoreBuilder()
            .WithClock(setup.Clock)
            .WithStores(setup.Cards, setup.Ledger)
            .WithExpiryIndex(setup.ExpiryIndex)
            .WithExpiryIndex(s => pausing = new PausingExpiryIndex(s))
            .Build();

        var grant = granting.GrantAsync(Alice, "late", 5_00, TimeSpan.FromMinutes(10));
        await pausing!.Reached;
        setup.Clock.Advance(TimeSpan.FromMinutes(10));
        await setup.ExpireAsync();
        pausing.Release();
        var granted = await grant;
        await setup.ExpireAsync();

        var lots = setup.Ledger.Entries(Alice) is [.., var latest] ? latest.After.Lots : [];
        Assert.DoesNotContain(lots, l => l.ExpiresAt <= setup.Clock.GetUtcNow());
        Assert.Equal(ErrorCode.ValidationFailed, granted.Failure?.Code);
    }
}
