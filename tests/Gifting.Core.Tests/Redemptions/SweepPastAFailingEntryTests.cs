using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

/// <summary>One entry the sweeper cannot finish must not stop it finishing the others.</summary>
public sealed class SweepPastAFailingEntryTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");

    [Fact]
    public async Task Sweep_WhenOneEntryKeepsFailing_FinishesTheOthersAndReportsTheFailure()
    {
        string? poisoned = null;
        var core = new CoreBuilder()
            .WithCardStore(s => new PoisonedLookupCardStore(
                new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming), serial => serial == poisoned))
            .WithUnfinishedRedemptionIndex(s => new CrashingUnfinishedRedemptionIndex(s))
            .Build();
        // Alice's claim never happened (a crash right after its index entry); Bob's stopped after the claim.
        var first = await core.IssueOneAsync(amount: 40_00);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.RedeemAsync(Alice, first.Code.Display));
        core.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await core.IssueOneAsync(amount: 30_00);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.RedeemAsync(Bob, second.Code.Display));
        core.Clock.Advance(TestCore.SweepAfter + TimeSpan.FromSeconds(1));
        poisoned = first.Card.Serial;

        await Assert.ThrowsAnyAsync<Exception>(() => core.SweepAsync());

        Assert.Equal(CardStatus.Redeemed, (await core.CardAsync(second.Card.Serial)).Status);
        Assert.Equal(30_00, Assert.Single(core.Ledger.Entries(Bob)).After.Gift);
        Assert.Single(core.UnfinishedRedemptions.Entries);
        poisoned = null;
        var healed = await core.SweepAsync();
        Assert.Equal(1, healed.Due);
        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }

    [Fact]
    public async Task Sweep_WhenTwoEntriesKeepFailing_ReportsBothInOneAggregateAndKeepsThem()
    {
        var core = new CoreBuilder()
            .WithCardStore(s => new PoisonedLookupCardStore(s, serial => serial.StartsWith('p'))).Build();
        await DueAsync(core, "p1", "p2", "ok");

        var failure = await Assert.ThrowsAsync<AggregateException>(() => core.SweepAsync());

        Assert.Equal(2, failure.InnerExceptions.Count);
        Assert.All(failure.InnerExceptions, e => Assert.IsType<InvalidOperationException>(e));
        Assert.Equal(["p1", "p2"], core.UnfinishedRedemptions.Entries.Select(e => e.Serial).Order());
    }

    [Fact]
    public async Task Sweep_WhenOneEntryKeepsFailing_RethrowsItsOwnException()
    {
        var core = new CoreBuilder()
            .WithCardStore(s => new PoisonedLookupCardStore(s, serial => serial == "p1")).Build();
        await DueAsync(core, "p1", "ok");

        await Assert.ThrowsAsync<InvalidOperationException>(() => core.SweepAsync());

        Assert.Equal("p1", Assert.Single(core.UnfinishedRedemptions.Entries).Serial);
    }

    [Fact]
    public async Task Sweep_WhenMoreStepsAreDueThanOneBatch_ReadsThemAll()
    {
        var core = TestCore.Create();
        await DueAsync(core, Enumerable.Range(0, 250).Select(i => $"s{i:000}").ToArray());

        var swept = await core.SweepAsync();

        Assert.Equal((250, 0), (swept.Due, swept.Completed));
        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }

    [Fact]
    public async Task Sweep_WhenAFailingEntryIsAmongMoreThanOneBatch_ReadsAllTheOthers()
    {
        var core = new CoreBuilder()
            .WithCardStore(s => new PoisonedLookupCardStore(s, serial => serial == "s000")).Build();
        await DueAsync(core, Enumerable.Range(0, 201).Select(i => $"s{i:000}").ToArray());

        await Assert.ThrowsAsync<InvalidOperationException>(() => core.SweepAsync());

        Assert.Equal("s000", Assert.Single(core.UnfinishedRedemptions.Entries).Serial);
    }

    /// <summary>Steps begun past the sweeper's grace for cards no store holds: each is read and dropped.</summary>
    private static async Task DueAsync(TestCore core, params string[] serials)
    {
        var since = core.Clock.GetUtcNow();
        foreach (var serial in serials)
            await core.UnfinishedRedemptions.AddAsync(
                new UnfinishedRedemption(serial, $"redemption-{serial}", Alice, since), CancellationToken.None);
        core.Clock.Advance(TestCore.SweepAfter + TimeSpan.FromSeconds(1));
    }

    /// <summary>A card whose document cannot be read, as a corrupt document or a bug would make it.</summary>
    private sealed class PoisonedLookupCardStore(ICardStore inner, Func<string, bool> poisoned)
        : DelegatingCardStore(inner)
    {
        public override Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken) =>
            poisoned(serial)
                ? throw new InvalidOperationException("This card's document cannot be read.")
                : base.FindBySerialAsync(serial, cancellationToken);

        public override Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken) =>
            poisoned(card.Serial)
                ? throw new InvalidOperationException("This card's document cannot be read.")
                : base.RereadAsync(card, cancellationToken);
    }
}
