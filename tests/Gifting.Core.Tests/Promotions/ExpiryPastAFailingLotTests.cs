using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Promotions;

/// <summary>One lot the expiry timer cannot expire must not keep every later lot from expiring.</summary>
public sealed class ExpiryPastAFailingLotTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");

    [Fact]
    public async Task Expire_WhenOneLotKeepsFailing_ExpiresTheOthersAndReportsTheFailure()
    {
        AccountId? poisoned = null;
        var core = new CoreBuilder()
            .WithLedgerStore(s => new PoisonedAccountLedgerStore(s, a => a == poisoned)).Build();
        await core.FundAsync(Alice, 10_00);
        await core.FundAsync(Bob, 10_00);
        Assert.True((await core.GrantAsync(Alice, "g-alice", 5_00, TimeSpan.FromHours(1))).Succeeded);
        Assert.True((await core.GrantAsync(Bob, "g-bob", 3_00, TimeSpan.FromHours(2))).Succeeded);
        core.Clock.Advance(TimeSpan.FromHours(3));
        poisoned = Alice;

        await Assert.ThrowsAnyAsync<Exception>(() => core.ExpireAsync());

        Assert.Equal(EntryType.PromoExpiry, core.Ledger.Entries(Bob)[^1].Type);
        Assert.Equal("g-alice", Assert.Single(core.ExpiryIndex.Entries).LotId);
        poisoned = null;
        var healed = await core.ExpireAsync();
        Assert.Equal((1, 1), (healed.Due, healed.Expired));
        Assert.Empty(core.ExpiryIndex.Entries);
    }

    [Fact]
    public async Task Expire_WhenOneLotFails_ThrowsItsOwnException()
    {
        var poisoned = false;
        var core = new CoreBuilder()
            .WithLedgerStore(s => new PoisonedAccountLedgerStore(s, _ => poisoned)).Build();
        await core.FundAsync(Alice, 10_00);
        await core.GrantAsync(Alice, "g-alice", 5_00, TimeSpan.FromHours(1));
        core.Clock.Advance(TimeSpan.FromHours(3));
        poisoned = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => core.ExpireAsync());
    }

    [Fact]
    public async Task Expire_WhenTwoLotsFail_ThrowsOneAggregateCarryingBoth()
    {
        var poisoned = false;
        var core = new CoreBuilder().WithLedgerStore(s => new PoisonedAccountLedgerStore(s, _ => poisoned)).Build();
        await core.FundAsync(Alice, 10_00);
        await core.FundAsync(Bob, 10_00);
        await core.GrantAsync(Alice, "g-alice", 5_00, TimeSpan.FromHours(1));
        await core.GrantAsync(Bob, "g-bob", 3_00, TimeSpan.FromHours(2));
        core.Clock.Advance(TimeSpan.FromHours(3));
        poisoned = true;

        var failure = await Assert.ThrowsAsync<AggregateException>(() => core.ExpireAsync());

        Assert.Equal(2, failure.InnerExceptions.Count);
        Assert.All(failure.InnerExceptions, e => Assert.IsType<InvalidOperationException>(e));
        Assert.Equal(2, core.ExpiryIndex.Entries.Count);
    }

    /// <summary>An account whose ledger cannot be read, as a corrupt document or a bug would make it.</summary>
    private sealed class PoisonedAccountLedgerStore(ILedgerStore inner, Func<AccountId, bool> poisoned)
        : DelegatingLedgerStore(inner)
    {
        public override Task<AccountState> ReadAccountAsync(AccountId account, CancellationToken cancellationToken) =>
            poisoned(account)
                ? throw new InvalidOperationException("This account's ledger cannot be read.")
                : base.ReadAccountAsync(account, cancellationToken);
    }
}
