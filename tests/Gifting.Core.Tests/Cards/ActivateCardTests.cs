using Gifting.Core.Cards;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Cards;

public sealed class ActivateCardTests
{
    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Activate_WhenPhysicalCardInactive_MakesItActive()
    {
        var issued = await _core.IssueOneAsync(kind: CardKind.Physical, activated: false);

        var result = await ActivateAsync(issued.Card.Serial, "shop-1", "receipt-9");

        Assert.Equal(CardStatus.Active, result.Value.Status);
        var card = await _core.CardAsync(issued.Card.Serial);
        Assert.Equal(("shop-1", "receipt-9", _core.Clock.GetUtcNow()),
            (card.ActivatedBy, card.ReceiptRef, card.ActivatedAt));
    }

    [Fact]
    public async Task Activate_WhenRepeatedBySameRetailerAndReceipt_SucceedsAgain()
    {
        var issued = await _core.IssueOneAsync(kind: CardKind.Physical, activated: false);
        await ActivateAsync(issued.Card.Serial, "shop-1", "receipt-9");

        var again = await ActivateAsync(issued.Card.Serial, "shop-1", "receipt-9");

        Assert.Equal(CardStatus.Active, again.Value.Status);
    }

    [Theory]
    [InlineData("shop-2", "receipt-9")]
    [InlineData("shop-1", "receipt-10")]
    [InlineData("shop-1", null)]
    public async Task Activate_WhenAlreadyActivatedOtherwise_ReturnsCardAlreadyActive(string retailer, string? receipt)
    {
        var issued = await _core.IssueOneAsync(kind: CardKind.Physical, activated: false);
        await ActivateAsync(issued.Card.Serial, "shop-1", "receipt-9");

        var result = await ActivateAsync(issued.Card.Serial, retailer, receipt);

        Assert.Equal(ErrorCode.CardAlreadyActive, result.Failure?.Code);
    }

    [Fact]
    public async Task Activate_WhenDigitalCard_ReturnsCardAlreadyActive()
    {
        var issued = await _core.IssueOneAsync(kind: CardKind.Digital);

        Assert.Equal(ErrorCode.CardAlreadyActive,
            (await ActivateAsync(issued.Card.Serial, "shop-1", null)).Failure?.Code);
    }

    [Fact]
    public async Task Activate_WhenCancelled_ReturnsCardCancelled()
    {
        var issued = await _core.IssueOneAsync(kind: CardKind.Physical, activated: false);
        await _core.CancelCard.ExecuteAsync(issued.Card.Serial, CancellationToken.None);

        Assert.Equal(ErrorCode.CardCancelled, (await ActivateAsync(issued.Card.Serial, "shop-1", null)).Failure?.Code);
    }

    [Fact]
    public async Task Activate_WhenRedeemed_ReturnsAlreadyRedeemed()
    {
        var issued = await _core.IssueOneAsync(kind: CardKind.Physical, activated: true);
        await _core.RedeemAsync(TestCore.Account("alice"), issued.Code.Display);

        Assert.Equal(ErrorCode.AlreadyRedeemed,
            (await ActivateAsync(issued.Card.Serial, "shop-1", null)).Failure?.Code);
    }

    [Fact]
    public async Task Activate_WhenSerialUnknown_ReturnsCardNotFound()
    {
        Assert.Equal(ErrorCode.CardNotFound, (await ActivateAsync("0000000000000000", "shop-1", null)).Failure?.Code);
    }

    [Fact]
    public async Task Activate_WhenACancellationWritesTheCardFirst_ReturnsCardCancelled()
    {
        TestCore? core = null;
        NewCard? issued = null;
        core = new CoreBuilder().WithCardStore(s => new RacedReplaceCardStore(s,
            () => core!.CancelCard.ExecuteAsync(issued!.Card.Serial, CancellationToken.None))).Build();
        issued = await core.IssueOneAsync(kind: CardKind.Physical, activated: false);

        var result = await core.ActivateCard.ExecuteAsync(
            new ActivateCardCommand(issued.Card.Serial, "shop-1", "receipt-9"), CancellationToken.None);

        Assert.Equal(ErrorCode.CardCancelled, result.Failure?.Code);
        var card = await core.CardAsync(issued.Card.Serial);
        Assert.Equal((CardStatus.Cancelled, (string?)null), (card.Status, card.ActivatedBy));
    }

    [Fact]
    public async Task Activate_WhenAnotherWriteChangesTheCardFirst_RetriesAndActivatesIt()
    {
        var core = new CoreBuilder().WithCardStore(s => new TouchedBeforeReplaceCardStore(s)).Build();
        var issued = await core.IssueOneAsync(kind: CardKind.Physical, activated: false);

        var result = await core.ActivateCard.ExecuteAsync(
            new ActivateCardCommand(issued.Card.Serial, "shop-1", "receipt-9"), CancellationToken.None);

        Assert.Equal(CardStatus.Active, result.Value.Status);
        var card = await core.CardAsync(issued.Card.Serial);
        Assert.Equal((CardStatus.Active, "shop-1", "receipt-9"), (card.Status, card.ActivatedBy, card.ReceiptRef));
    }

    private Task<Result<Card>> ActivateAsync(string serial, string retailer, string? receipt) =>
        _core.ActivateCard.ExecuteAsync(new ActivateCardCommand(serial, retailer, receipt), CancellationToken.None);
}
