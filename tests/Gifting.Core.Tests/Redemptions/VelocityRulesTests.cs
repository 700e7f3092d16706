using Gifting.Core.Cards;
using Gifting.Core.Redemptions;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

/// <summary>
/// The velocity rules judged on their own, against a window whose counted cards the test places exactly on the
/// boundaries: the 24-hour value, the hour's codes, the account's currency, and a card counted again.
/// </summary>
public sealed class VelocityRulesTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly TestCore _core = TestCore.Create();
    private readonly InMemoryRedemptionWindows _windows = new();

    [Theory]
    [InlineData(500_00, null)]
    [InlineData(500_01, HoldReason.DailyValue)]
    public async Task Count_WhenTheDayReachesTheLimit_HoldsOnlyPastIt(long amount, string? rule)
    {
        await SeedAsync(new CountedCard("earlier", 1_500_00, "USD", Now - Hour));
        var card = await CardAsync(amount);

        var held = await Rules().CountAsync(Alice, card, CancellationToken.None);

        Assert.Equal(rule, held?.Rule);
    }

    [Fact]
    public async Task Count_WhenTheDayWasRedeemedInAnotherCurrency_DoesNotCountIt()
    {
        await SeedAsync(new CountedCard("euros", 2_000_00, "EUR", Now - Hour));
        var card = await CardAsync(10_00);

        var held = await Rules().CountAsync(Alice, card, CancellationToken.None);

        Assert.Null(held);
    }

    [Fact]
    public async Task Count_WhenACardWasCountedExactly24HoursAgo_DropsItFromTheWindow()
    {
        await SeedAsync(new CountedCard("yesterday", 10_00, "USD", Now - Day));
        var card = await CardAsync(10_00);

        await Rules().CountAsync(Alice, card, CancellationToken.None);

        Assert.Equal([card.CardId], _windows.Counted(Alice).Select(c => c.CardId));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, HoldReason.HourlyCodes)]
    public async Task Count_WhenACodeWasCountedAnHourAgo_CountsItOnlyInsideTheHour(long ticksInside, string? rule)
    {
        await SeedAsync(new CountedCard("earlier", 10_00, "USD", Now - Hour + TimeSpan.FromTicks(ticksInside)));
        var card = await CardAsync(10_00);

        var held = await Rules(codesPerHour: 2).CountAsync(Alice, card, CancellationToken.None);

        Assert.Equal(rule, held?.Rule);
    }

    [Fact]
    public async Task Count_WhenTheCardIsCountedAgain_IsJudgedWithoutCardsCountedAfterIt()
    {
        var rules = Rules();
        var first = await CardAsync(10_00);
        var big = await CardAsync(2_000_00);
        await rules.CountAsync(Alice, first, CancellationToken.None);
        _core.Clock.Advance(TimeSpan.FromMinutes(10));
        await rules.CountAsync(Alice, big, CancellationToken.None);
        _core.Clock.Advance(TimeSpan.FromMinutes(10));

        var again = await rules.CountAsync(Alice, first, CancellationToken.None);

        Assert.Null(again);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, HoldReason.DailyValue)]
    public async Task Count_WhenCountedAgainAfterAClockThatRanAhead_JudgesTheDayBeforeTheFirstCount(
        long ticksInside, string? rule)
    {
        var card = await CardAsync(10_00);
        var countedAt = Now + Hour;
        await SeedAsync(
            new CountedCard("earlier", 2_000_00, "USD", countedAt - Day + TimeSpan.FromTicks(ticksInside)),
            new CountedCard(card.CardId, 10_00, "USD", countedAt));

        var held = await Rules().CountAsync(Alice, card, CancellationToken.None);

        Assert.Equal(rule, held?.Rule);
    }

    private DateTimeOffset Now => _core.Clock.GetUtcNow();

    private VelocityRules Rules(int codesPerHour = 100) =>
        new(_windows, VelocityLimits.Default with { CodesPerHour = codesPerHour }, _core.Clock);

    private async Task<Card> CardAsync(long amount) => (await _core.IssueOneAsync(amount)).Card;

    private async Task SeedAsync(params CountedCard[] cards) =>
        Assert.True(await _windows.TryWriteAsync(Alice, [.. cards], etag: null, CancellationToken.None));
}
