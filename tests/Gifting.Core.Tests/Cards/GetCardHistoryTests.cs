using Gifting.Core.Cards;
using Gifting.Core.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Cards;

public sealed class GetCardHistoryTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task History_OfAnActivatedThenCancelledCard_ListsIssuedActivatedCancelledOldestFirst()
    {
        var core = TestCore.Create();
        var issuedAt = core.Clock.GetUtcNow();
        var issued = await core.IssueOneAsync(kind: CardKind.Physical, activated: false);
        core.Clock.Advance(Hour);
        await core.ActivateCard.ExecuteAsync(
            new ActivateCardCommand(issued.Card.Serial, "shop-1", "receipt-9"), CancellationToken.None);
        core.Clock.Advance(Hour);
        await core.CancelCard.ExecuteAsync(issued.Card.Serial, CancellationToken.None);

        var events = await EventsAsync(core, issued.Card.Serial);

        Assert.Equal(
        [
            new CardEvent(CardEventType.Issued, issuedAt, "admin-test"),
            new CardEvent(CardEventType.Activated, issuedAt + Hour, "shop-1", Detail: "receipt receipt-9"),
            new CardEvent(CardEventType.Cancelled, issuedAt + 2 * Hour),
        ], events);
    }

    [Fact]
    public async Task History_OfAnActivationWithoutReceipt_HasNoDetail()
    {
        var core = TestCore.Create();
        var issued = await core.IssueOneAsync(kind: CardKind.Physical, activated: false);
        await core.ActivateCard.ExecuteAsync(
            new ActivateCardCommand(issued.Card.Serial, "shop-1", null), CancellationToken.None);

        var events = await EventsAsync(core, issued.Card.Serial);

        Assert.Equal(new CardEvent(CardEventType.Activated, core.Clock.GetUtcNow(), "shop-1"), events[1]);
    }

    [Fact]
    public async Task History_OfARedeemedCard_ListsTheClaimAndTheRedemptionForTheAccount()
    {
        var core = TestCore.Create();
        var issuedAt = core.Clock.GetUtcNow();
        var issued = await core.IssueOneAsync();
        core.Clock.Advance(Hour);
        var redemption = (await core.RedeemAsync(Alice, issued.Code.Display)).Value;

        var events = await EventsAsync(core, issued.Card.Serial);

        var id = redemption.RedemptionId;
        Assert.Equal(
        [
            new CardEvent(CardEventType.Issued, issuedAt, "admin-test"),
            new CardEvent(CardEventType.Claimed, issuedAt + Hour, Account: Alice, RedemptionId: id),
            new CardEvent(CardEventType.Redeemed, issuedAt + Hour, Account: Alice, RedemptionId: id),
        ], events);
    }

    [Fact]
    public async Task History_OfAHeldCardAwaitingReview_ListsTheClaimAndTheHold()
    {
        var core = new CoreBuilder().WithReviewAbove(100_00).Build();
        var issued = await core.IssueOneAsync(amount: 300_00);
        core.Clock.Advance(Hour);
        await core.RedeemAsync(Alice, issued.Code.Display);
        var card = await core.CardAsync(issued.Card.Serial);

        var events = await EventsAsync(core, issued.Card.Serial);

        Assert.Equal(CardStatus.Held, card.Status);
        var claimedAt = core.Clock.GetUtcNow();
        Assert.Equal(
        [
            new CardEvent(CardEventType.Claimed, claimedAt, Account: Alice, RedemptionId: card.RedemptionId),
            new CardEvent(CardEventType.Held, claimedAt, Account: Alice, RedemptionId: card.RedemptionId),
        ], events.Skip(1));
    }

    [Fact]
    public async Task History_OfAnApprovedHold_ListsTheReviewThenTheRedemption()
    {
        var core = new CoreBuilder().WithReviewAbove(100_00).Build();
        var issued = await core.IssueOneAsync(amount: 300_00);
        await core.RedeemAsync(Alice, issued.Code.Display);
        var claimedAt = core.Clock.GetUtcNow();
        core.Clock.Advance(Hour);
        await core.ReviewAsync(issued.Card.Serial, approve: true, reviewer: "support-7");
        var id = (await core.CardAsync(issued.Card.Serial)).RedemptionId;

        var events = await EventsAsync(core, issued.Card.Serial);

        Assert.Equal(
        [
            new CardEvent(CardEventType.Claimed, claimedAt, Account: Alice, RedemptionId: id),
            new CardEvent(CardEventType.Held, claimedAt, Account: Alice, RedemptionId: id),
            new CardEvent(CardEventType.Reviewed, claimedAt + Hour, "support-7", Alice, id, "approved"),
            new CardEvent(CardEventType.Redeemed, claimedAt + Hour, Account: Alice, RedemptionId: id),
        ], events.Skip(1));
    }

    [Fact]
    public async Task History_OfADeclinedHold_ListsTheReviewThenTheCancellationItCaused()
    {
        var core = new CoreBuilder().WithReviewAbove(100_00).Build();
        var issued = await core.IssueOneAsync(amount: 300_00);
        await core.RedeemAsync(Alice, issued.Code.Display);
        var claimedAt = core.Clock.GetUtcNow();
        core.Clock.Advance(Hour);
        await core.ReviewAsync(issued.Card.Serial, approve: false, reviewer: "support-7");
        var id = (await core.CardAsync(issued.Card.Serial)).RedemptionId;

        var events = await EventsAsync(core, issued.Card.Serial);

        Assert.Equal(
        [
            new CardEvent(CardEventType.Claimed, claimedAt, Account: Alice, RedemptionId: id),
            new CardEvent(CardEventType.Held, claimedAt, Account: Alice, RedemptionId: id),
            new CardEvent(CardEventType.Reviewed, claimedAt + Hour, "support-7", Alice, id, "declined"),
            new CardEvent(CardEventType.Cancelled, claimedAt + Hour, Detail: "redemption declined in review"),
        ], events.Skip(1));
    }

    [Fact]
    public async Task History_OfACardIssuedForAnOrderLine_NamesTheOrderAndLine()
    {
        var core = TestCore.Create();
        var issued = await core.IssueOneAsync();
        var line = new LineRef(OrgId.Parse("org-1"), "order-5", 2);
        var stored = await core.Cards.FindBySerialAsync(issued.Card.Serial, CancellationToken.None);
        await core.Cards.TryReplaceAsync(stored!.Card with { Line = line }, stored.ETag, CancellationToken.None);

        var events = await EventsAsync(core, issued.Card.Serial);

        Assert.Equal($"order order-5, line {line.LineId}", Assert.Single(events).Detail);
    }

    [Fact]
    public async Task History_ReturnsTheCardAsItIsNow()
    {
        var core = TestCore.Create();
        var issued = await core.IssueOneAsync();
        await core.CancelCard.ExecuteAsync(issued.Card.Serial, CancellationToken.None);

        var result = await core.Get<GetCardHistory>().ExecuteAsync(issued.Card.Serial, CancellationToken.None);

        Assert.Equal((issued.Card.CardId, CardStatus.Cancelled), (result.Value.Card.CardId, result.Value.Card.Status));
    }

    [Fact]
    public async Task History_WhenSerialUnknown_ReturnsCardNotFound()
    {
        var core = TestCore.Create();

        var result = await core.Get<GetCardHistory>().ExecuteAsync("0000000000000000", CancellationToken.None);

        Assert.Equal(ErrorCode.CardNotFound, result.Failure?.Code);
    }

    private static async Task<IReadOnlyList<CardEvent>> EventsAsync(TestCore core, string serial)
    {
        var result = await core.Get<GetCardHistory>().ExecuteAsync(serial, CancellationToken.None);
        return result.Succeeded ? result.Value.Events : throw new InvalidOperationException($"{result.Failure}");
    }
}
