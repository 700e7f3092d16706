using System.Collections.Immutable;
using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Testing;

namespace Gifting.Core.Tests.Controls;

public sealed class VelocityRuleTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private static TestCore Core(VelocityLimits? limits = null) =>
        new CoreBuilder().WithVelocity(limits ?? VelocityLimits.Default).Build();

    [Fact]
    public async Task DailyValue_AtTheLimitRedeems_AndOneMinorUnitMoreIsHeld()
    {
        var core = Core(VelocityLimits.Default with { CodesPerHour = 100 });
        var cards = new[]
        {
            await core.IssueOneAsync(1_000_00), await core.IssueOneAsync(999_99), await core.IssueOneAsync(1_00),
        };

        var first = await core.RedeemAsync(Alice, cards[0].Code.Display);
        core.Clock.Advance(TimeSpan.FromHours(23));
        var atLimit = await core.RedeemAsync(Alice, cards[1].Code.Display);
        var over = await core.RedeemAsync(Alice, cards[2].Code.Display);

        Assert.NotNull(first.Value.Balance);
        Assert.NotNull(atLimit.Value.Balance);
        Assert.Null(over.Value.Balance);
        var held = await core.CardAsync(cards[2].Card.Serial);
        Assert.Equal((CardStatus.Held, HoldReason.DailyValue), (held.Status, held.HeldFor!.Rule));
    }

    [Fact]
    public async Task DailyValue_CountsOnlyTheLast24Hours()
    {
        var core = Core();
        var big = await core.IssueOneAsync(2_000_00);
        var next = await core.IssueOneAsync(1_00);

        await core.RedeemAsync(Alice, big.Code.Display);
        core.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var later = await core.RedeemAsync(Alice, next.Code.Display);

        Assert.NotNull(later.Value.Balance);
    }

    [Fact]
    public async Task HourlyCodes_TheFourthRedeemsAndTheFifthWithinTheHourIsHeld()
    {
        var core = Core();
        var cards = await core.IssueAsync(count: 5, amount: 10_00);

        var results = new List<Redemption>();
        foreach (var card in cards)
        {
            results.Add((await core.RedeemAsync(Alice, card.Code.Display)).Value);
            core.Clock.Advance(TimeSpan.FromMinutes(14));
        }

        Assert.All(results.Take(4), r => Assert.NotNull(r.Balance));
        Assert.Null(results[4].Balance);
        Assert.Equal(HoldReason.HourlyCodes, (await core.CardAsync(cards[4].Card.Serial)).HeldFor!.Rule);
    }

    [Fact]
    public async Task HourlyCodes_AFifthCodeAfterTheHourRedeems()
    {
        var core = Core();
        var cards = await core.IssueAsync(count: 5, amount: 10_00);

        var results = new List<Redemption>();
        foreach (var card in cards)
        {
            results.Add((await core.RedeemAsync(Alice, card.Code.Display)).Value);
            core.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        }

        Assert.All(results, r => Assert.NotNull(r.Balance));
    }

    [Fact]
    public async Task FreshCard_RedeemedIntoAnotherAccountThanItWasBoughtFor_IsHeldWithinTheWindowOnly()
    {
        var core = Core();
        var soon = await BoughtForAsync(core, "bob");
        var late = await BoughtForAsync(core, "bob");
        var own = await BoughtForAsync(core, "alice");

        core.Clock.Advance(TimeSpan.FromMinutes(29));
        var heldSoon = await core.RedeemAsync(Alice, soon.Code.Display);
        var ownCard = await core.RedeemAsync(Alice, own.Code.Display);
        core.Clock.Advance(TimeSpan.FromMinutes(1));
        var afterWindow = await core.RedeemAsync(Alice, late.Code.Display);

        Assert.Null(heldSoon.Value.Balance);
        Assert.Equal(HoldReason.FreshCardOtherAccount, (await core.CardAsync(soon.Card.Serial)).HeldFor!.Rule);
        Assert.NotNull(ownCard.Value.Balance);
        Assert.NotNull(afterWindow.Value.Balance);
    }

    [Fact]
    public async Task RetriedRedemption_AfterACrashMidClaim_IsCountedOnce()
    {
        var windows = new InMemoryRedemptionWindows();
        var crashing = new CoreBuilder().WithVelocity(VelocityLimits.Default).WithWindows(windows)
            .WithCardStore(s => new CrashingCardStore(s, c => c.Status == CardStatus.Redeeming)).Build();
        var cards = await crashing.IssueAsync(count: 4, amount: 10_00);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.RedeemAsync(Alice, cards[0].Code.Display));
        await crashing.RedeemAsync(Alice, cards[0].Code.Display);
        await crashing.RedeemAsync(Alice, cards[0].Code.Display);
        var others = new List<Redemption>();
        foreach (var card in cards.Skip(1)) others.Add((await crashing.RedeemAsync(Alice, card.Code.Display)).Value);

        Assert.Equal(4, windows.Counted(Alice).Count);
        Assert.All(others, r => Assert.NotNull(r.Balance));
    }

    [Fact]
    public async Task RetriedRedemption_AfterACrashBetweenTheCountAndTheClaim_IsCountedOnceAndJudgedAlike()
    {
        var windows = new InMemoryRedemptionWindows();
        var key = CoreBuilder.NewKey(1);
        var limits = VelocityLimits.Default with { CodesPerHour = 2 };
        var core = new CoreBuilder().WithHashKeys(1, key).WithVelocity(limits).WithWindows(windows).Build();
        var cards = await core.IssueAsync(count: 2, amount: 10_00);
        var crashing = new CoreBuilder().WithClock(core.Clock).WithStores(core.Cards, core.Ledger)
            .WithHashKeys(1, key).WithVelocity(limits).WithWindows(new CrashingWindows(windows)).Build();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.RedeemAsync(Alice, cards[0].Code.Display));
        var retried = await core.RedeemAsync(Alice, cards[0].Code.Display);
        var second = await core.RedeemAsync(Alice, cards[1].Code.Display);

        Assert.Single(windows.Counted(Alice), c => c.CardId == cards[0].Card.CardId);
        Assert.NotNull(retried.Value.Balance);
        Assert.Null(second.Value.Balance);
    }

    /// <summary>The process dies right after the window is written, before the card is claimed.</summary>
    private sealed class CrashingWindows(InMemoryRedemptionWindows inner) : IRedemptionWindows
    {
        public Task<RedemptionWindow> ReadAsync(AccountId account, CancellationToken cancellationToken) =>
            inner.ReadAsync(account, cancellationToken);

        public async Task<bool> TryWriteAsync(
            AccountId account, ImmutableArray<CountedCard> cards, string? etag, CancellationToken cancellationToken) =>
            await inner.TryWriteAsync(account, cards, etag, cancellationToken)
                ? throw new SimulatedCrashException()
                : false;
    }

    [Fact]
    public async Task ConcurrentRedemptionsIntoOneAccount_AreCountedOneAfterTheOther()
    {
        var core = Core();
        var cards = await core.IssueAsync(count: 10, amount: 10_00);
        var gate = new TaskCompletionSource();

        var racers = cards.Select(c => Task.Run(async () =>
        {
            await gate.Task;
            return (await core.RedeemAsync(Alice, c.Code.Display)).Value;
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.Equal(4, results.Count(r => r.Balance is not null));
        Assert.Equal(6, results.Count(r => r.Balance is null));
    }

    private static async Task<NewCard> BoughtForAsync(TestCore core, string account)
    {
        var card = await core.IssueOneAsync(10_00);
        var stored = (await core.Cards.FindBySerialAsync(card.Card.Serial, CancellationToken.None))!;
        var bought = stored.Card with { BoughtFor = AccountId.Parse(account) };
        await core.Cards.TryReplaceAsync(bought, stored.ETag, CancellationToken.None);
        return card;
    }
}
