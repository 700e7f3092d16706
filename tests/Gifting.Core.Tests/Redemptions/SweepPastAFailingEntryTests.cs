using Gifting.Core.Cards;
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
                new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming), () => poisoned))
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

    /// <summary>A card whose document cannot be read, as a corrupt document or a bug would make it.</summary>
    private sealed class PoisonedLookupCardStore(ICardStore inner, Func<string?> poisoned) : ICardStore
    {
        public Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken) =>
            inner.BeginBatchAsync(batch, cancellationToken);

        public Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken) =>
            inner.TryCreateAsync(card, cancellationToken);

        public Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken) =>
            serial == poisoned()
                ? throw new InvalidOperationException("This card's document cannot be read.")
                : inner.FindBySerialAsync(serial, cancellationToken);

        public Task<StoredCard?> FindByCodeHashAsync(
            IEnumerable<string> codeHashes, CancellationToken cancellationToken) =>
            inner.FindByCodeHashAsync(codeHashes, cancellationToken);

        public Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken) =>
            card.Serial == poisoned()
                ? throw new InvalidOperationException("This card's document cannot be read.")
                : inner.RereadAsync(card, cancellationToken);

        public Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken) =>
            inner.TryReplaceAsync(card, etag, cancellationToken);
    }
}
