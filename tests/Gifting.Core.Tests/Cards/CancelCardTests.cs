using Gifting.Core.Cards;
using Gifting.Core.Liability;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Cards;

public sealed class CancelCardTests
{
    private readonly TestCore _core = TestCore.Create();

    [Theory]
    [InlineData(CardKind.Digital, true)]
    [InlineData(CardKind.Physical, false)]
    [InlineData(CardKind.Physical, true)]
    public async Task Cancel_WhenNotRedeemed_CancelsTheCard(CardKind kind, bool activated)
    {
        var issued = await _core.IssueOneAsync(kind: kind, activated: activated);

        var result = await CancelAsync(issued.Card.Serial);

        Assert.Equal(CardStatus.Cancelled, result.Value.Status);
        var card = await _core.CardAsync(issued.Card.Serial);
        Assert.Equal((CardStatus.Cancelled, _core.Clock.GetUtcNow()), (card.Status, card.CancelledAt));
    }

    [Fact]
    public async Task Cancel_WhenAlreadyCancelled_SucceedsAgain()
    {
        var issued = await _core.IssueOneAsync();
        await CancelAsync(issued.Card.Serial);
        _core.Clock.Advance(TimeSpan.FromHours(1));

        var again = await CancelAsync(issued.Card.Serial);

        Assert.Equal(CardStatus.Cancelled, again.Value.Status);
        Assert.Equal(_core.Clock.GetUtcNow() - TimeSpan.FromHours(1),
            (await _core.CardAsync(issued.Card.Serial)).CancelledAt);
    }

    [Fact]
    public async Task Cancel_WhenRedeemed_ReturnsAlreadyRedeemedAndKeepsTheCredit()
    {
        var alice = TestCore.Account("alice");
        var issued = await _core.IssueOneAsync(amount: 15_00);
        await _core.RedeemAsync(alice, issued.Code.Display);

        var result = await CancelAsync(issued.Card.Serial);

        Assert.Equal(ErrorCode.AlreadyRedeemed, result.Failure?.Code);
        Assert.Equal(CardStatus.Redeemed, (await _core.CardAsync(issued.Card.Serial)).Status);
        Assert.Equal(15_00, (await _core.BalanceAsync(alice)).Available.Amount);
    }

    [Fact]
    public async Task Cancel_WhenSerialUnknown_ReturnsCardNotFound()
    {
        Assert.Equal(ErrorCode.CardNotFound, (await CancelAsync("0000000000000000")).Failure?.Code);
    }

    [Fact]
    public async Task GetCard_ShowsStateButNeverTheCode()
    {
        var issued = await _core.IssueOneAsync();

        var view = (await _core.GetCard.ExecuteAsync(issued.Card.Serial, CancellationToken.None)).Value;

        Assert.Equal((CardStatus.Active, issued.Code.Last4, issued.Card.Serial),
            (view.Status, view.Last4, view.Serial));
        Assert.DoesNotContain(issued.Code.Normalized, view.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_TakesTheCardsValueOutOfTheUnredeemedTotalOnce()
    {
        await _core.IssueOneAsync(amount: 10_00);
        var issued = await _core.IssueOneAsync(amount: 25_00);

        await CancelAsync(issued.Card.Serial);

        Assert.Equal(10_00, (await UsAsync(_core)).UnredeemedCards);
    }

    [Fact]
    public async Task Cancel_RepeatedAfterACancellationThatWasNotCounted_CountsIt()
    {
        var issued = await _core.IssueOneAsync(amount: 25_00);
        var stored = await _core.Cards.FindBySerialAsync(issued.Card.Serial, CancellationToken.None);
        var uncounted = stored!.Card with { Status = CardStatus.Cancelled, CancelledAt = _core.Clock.GetUtcNow() };
        await _core.Cards.TryReplaceAsync(uncounted, stored.ETag, CancellationToken.None);

        var again = await CancelAsync(issued.Card.Serial);

        Assert.Equal(CardStatus.Cancelled, again.Value.Status);
        Assert.Equal(0, (await UsAsync(_core)).UnredeemedCards);
    }

    [Fact]
    public async Task Cancel_WhenARedemptionWritesTheCardFirst_ReturnsAlreadyRedeemedAndCreditsOnce()
    {
        var alice = TestCore.Account("alice");
        TestCore? core = null;
        NewCard? issued = null;
        core = new CoreBuilder()
            .WithCardStore(s => new RacedReplaceCardStore(s, () => core!.RedeemAsync(alice, issued!.Code.Display)))
            .Build();
        issued = await core.IssueOneAsync(amount: 25_00);

        var result = await core.CancelCard.ExecuteAsync(issued.Card.Serial, CancellationToken.None);

        Assert.Equal(ErrorCode.AlreadyRedeemed, result.Failure?.Code);
        Assert.Equal(CardStatus.Redeemed, (await core.CardAsync(issued.Card.Serial)).Status);
        Assert.Equal(25_00, (await core.BalanceAsync(alice)).Available.Amount);
        var us = await UsAsync(core);
        Assert.Equal((0L, 25_00L), (us.UnredeemedCards, us.Gift));
    }

    [Fact]
    public async Task Cancel_WhenAnotherWriteChangesTheCardFirst_RetriesAndCancelsOnce()
    {
        var core = new CoreBuilder().WithCardStore(s => new TouchedBeforeReplaceCardStore(s)).Build();
        var issued = await core.IssueOneAsync(amount: 25_00);

        var result = await core.CancelCard.ExecuteAsync(issued.Card.Serial, CancellationToken.None);

        Assert.Equal(CardStatus.Cancelled, result.Value.Status);
        Assert.Equal(CardStatus.Cancelled, (await core.CardAsync(issued.Card.Serial)).Status);
        Assert.Equal(0, (await UsAsync(core)).UnredeemedCards);
    }

    private static async Task<LiabilityFigures> UsAsync(TestCore core) =>
        Assert.Single(
            await core.Liability.ReadAsync(Marketplace.Default, DateOnly.MinValue, DateOnly.MaxValue, default));

    private Task<Result<Card>> CancelAsync(string serial) =>
        _core.CancelCard.ExecuteAsync(serial, CancellationToken.None);
}
