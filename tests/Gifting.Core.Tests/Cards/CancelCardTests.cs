using Gifting.Core.Cards;
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

    private Task<Result<Card>> CancelAsync(string serial) =>
        _core.CancelCard.ExecuteAsync(serial, CancellationToken.None);
}
