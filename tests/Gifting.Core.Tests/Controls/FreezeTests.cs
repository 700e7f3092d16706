using Gifting.Core.Cards;
using Gifting.Core.Debits;
using Gifting.Core.Freezes;
using Gifting.Testing;

namespace Gifting.Core.Tests.Controls;

public sealed class FreezeTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task FrozenAccount_RefusesRedemptionsAndDebitsAndItsBalanceStaysReadable()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 30_00);
        var card = await core.IssueOneAsync(10_00);
        await core.FreezeAsync(Alice);

        var redeemed = await core.RedeemAsync(Alice, card.Code.Display);
        var debited = await core.DebitAsync(Alice, 5_00, "d1");

        Assert.Equal(ErrorCode.AccountFrozen, redeemed.Failure!.Code);
        Assert.Equal(ErrorCode.AccountFrozen, debited.Failure!.Code);
        Assert.Equal(CardStatus.Active, (await core.CardAsync(card.Card.Serial)).Status);
        Assert.Equal(30_00, (await core.BalanceAsync(Alice)).Available.Amount);
    }

    [Fact]
    public async Task UnfrozenAccount_DebitsAgainAndEveryChangeIsARecordOfWhoAndWhy()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 30_00);
        await core.FreezeAsync(Alice, by: "agent-1");
        await core.FreezeAsync(Alice, by: "agent-1");
        await core.FreezeAsync(Alice, frozen: false, by: "agent-2");

        var debited = await core.DebitAsync(Alice, 5_00, "d1");

        Assert.True(debited.Succeeded);
        var history = core.Freezes.History(FreezeSubject.Account(Alice));
        Assert.Equal([(1, true, "agent-1"), (2, false, "agent-2")],
            history.Select(h => (h.Version, h.Frozen, h.By)).ToList());
    }

    [Fact]
    public async Task DebitPostedBeforeAFreeze_IsStillAnsweredWhenRetriedAfterIt()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 30_00);
        var first = (await core.DebitAsync(Alice, 5_00, "d1")).Value;
        await core.FreezeAsync(Alice);

        var retry = (await core.DebitAsync(Alice, 5_00, "d1")).Value;

        Assert.Equal(first.Seq, retry.Seq);
    }

    [Fact]
    public async Task GiftCardDebit_IsRefusedWhateverTheBalance()
    {
        var core = TestCore.Create();
        await core.FundAsync(Alice, 30_00);
        await core.GrantAsync(Alice, "promo", 20_00, TimeSpan.FromDays(3));

        var result = await core.DebitAsync(Alice, 10_00, "d1", kind: DebitKind.GiftCard);

        Assert.Equal(ErrorCode.GiftCardPurchaseNotAllowed, result.Failure!.Code);
        Assert.Equal(50_00, (await core.BalanceAsync(Alice)).Available.Amount);
    }

    [Fact]
    public async Task AccountFreeze_WhenCrashingAfterTheRecord_RetryShowsItOnceAndRecordsNoSecond()
    {
        var setup = TestCore.Create();
        var crashing = new CoreBuilder().WithClock(setup.Clock).WithStores(setup.Cards, setup.Ledger)
            .WithFreezeStore(s => new CrashingFreezeStore(s)).Build();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.FreezeAsync(Alice));
        var retry = (await crashing.FreezeAsync(Alice)).Value;

        Assert.Equal((1, true), (retry.Version, retry.Frozen));
        Assert.Single(setup.Freezes.History(FreezeSubject.Account(Alice)));
        Assert.Equal(ErrorCode.AccountFrozen, (await setup.ReloadAsync(Alice, "p", 1_00)).Failure!.Code);
    }

    [Fact]
    public async Task FrozenCard_RefusesRedemptionAndActivationUntilUnfrozen()
    {
        var core = TestCore.Create();
        var digital = await core.IssueOneAsync(10_00);
        var physical = (await core.IssueAsync(kind: CardKind.Physical, activated: false)).Single();
        var by = new FreezeCommand(true, "reported stolen", "agent-1");
        await core.FreezeCard.ExecuteAsync(digital.Card.Serial, by, CancellationToken.None);
        await core.FreezeCard.ExecuteAsync(physical.Card.Serial, by, CancellationToken.None);

        var redeemed = await core.RedeemAsync(Alice, digital.Code.Display);
        var activated = await core.ActivateCard.ExecuteAsync(
            new ActivateCardCommand(physical.Card.Serial, "till-1", null), CancellationToken.None);
        await core.FreezeCard.ExecuteAsync(
            digital.Card.Serial, by with { Frozen = false }, CancellationToken.None);
        var afterwards = await core.RedeemAsync(Alice, digital.Code.Display);

        Assert.Equal(ErrorCode.CardFrozen, redeemed.Failure!.Code);
        Assert.Equal(ErrorCode.CardFrozen, activated.Failure!.Code);
        Assert.True(afterwards.Succeeded);
        Assert.Equal(2, core.Freezes.History(FreezeSubject.Card(digital.Card.Serial)).Count);
    }

    [Fact]
    public async Task CardFreeze_WhenCrashingAfterTheRecord_RetryShowsItOnTheCard()
    {
        var setup = TestCore.Create();
        var card = await setup.IssueOneAsync(10_00);
        var crashing = new CoreBuilder().WithClock(setup.Clock).WithStores(setup.Cards, setup.Ledger)
            .WithFreezeStore(s => new CrashingFreezeStore(s)).Build();
        var command = new FreezeCommand(true, "reported stolen", "agent-1");

        await Assert.ThrowsAsync<SimulatedCrashException>(
            () => crashing.FreezeCard.ExecuteAsync(card.Card.Serial, command, CancellationToken.None));
        var retry = (await crashing.FreezeCard.ExecuteAsync(card.Card.Serial, command, CancellationToken.None)).Value;

        Assert.True(retry.Frozen);
        Assert.Single(setup.Freezes.History(FreezeSubject.Card(card.Card.Serial)));
    }

    [Fact]
    public async Task CardFreeze_OfAnUnknownSerial_IsCardNotFound()
    {
        var core = TestCore.Create();

        var result = await core.FreezeCard.ExecuteAsync(
            "1234567890123456", new FreezeCommand(true, "x", "agent-1"), CancellationToken.None);

        Assert.Equal(ErrorCode.CardNotFound, result.Failure!.Code);
    }
}
