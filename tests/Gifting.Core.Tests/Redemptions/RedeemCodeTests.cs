using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Ledger;
using Gifting.Core.Redemptions;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Redemptions;

public sealed class RedeemCodeTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");

    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Redeem_WhenCodeValid_CreditsGiftBalance()
    {
        var issued = await _core.IssueOneAsync(amount: 25_00);

        var result = await _core.RedeemAsync(Alice, issued.Code.Display.ToLowerInvariant());

        Assert.True(result.Succeeded);
        Assert.Equal(new Money(25_00, "USD"), result.Value.Value);
        Assert.Equal(issued.Code.Last4, result.Value.Last4);
        Assert.Equal(25_00, result.Value.Balance!.Gift.Amount);
        Assert.Equal(25_00, (await _core.BalanceAsync(Alice)).Available.Amount);
        var card = await _core.CardAsync(issued.Card.Serial);
        Assert.Equal(CardStatus.Redeemed, card.Status);
        Assert.Equal(result.Value.RedemptionId, card.RedemptionId);
        var entry = Assert.Single(_core.Ledger.Entries(Alice));
        Assert.Equal((1L, EntryType.Redemption, OpKeys.Redemption(card.CardId)), (entry.Seq, entry.Type, entry.OpKey));
    }

    [Fact]
    public async Task Redeem_NamesTheCardsSerialAsTheEntrysReference()
    {
        var issued = await _core.IssueOneAsync(amount: 25_00);

        await _core.RedeemAsync(Alice, issued.Code.Display);

        Assert.Equal($"card:{issued.Card.Serial}", Assert.Single(_core.Ledger.Entries(Alice)).Reference);
    }

    [Fact]
    public async Task Redeem_WhenSecondCardRedeemed_AddsToBalance()
    {
        var cards = await _core.IssueAsync(count: 2, amount: 10_00);

        await _core.RedeemAsync(Alice, cards[0].Code.Display);
        var second = await _core.RedeemAsync(Alice, cards[1].Code.Normalized);

        Assert.Equal(20_00, second.Value.Balance!.Available.Amount);
        Assert.Equal([1L, 2L], _core.Ledger.Entries(Alice).Select(e => e.Seq));
    }

    [Fact]
    public async Task Redeem_WhenCodeAlreadyRedeemed_TellsTheRedeemerWhenAndWhichRedemption_AndOthersNothing()
    {
        var issued = await _core.IssueOneAsync();
        var first = await _core.RedeemAsync(Alice, issued.Code.Display);

        var again = await _core.RedeemAsync(Alice, issued.Code.Display);
        var other = await _core.RedeemAsync(Bob, issued.Code.Display);

        Assert.Equal(ErrorCode.AlreadyRedeemed, again.Failure?.Code);
        Assert.Equal(first.Value.RedemptionId, again.Failure!.RedeemedByCaller?.RedemptionId);
        Assert.Equal((await _core.CardAsync(issued.Card.Serial)).RedeemedAt,
            again.Failure.RedeemedByCaller!.RedeemedAt);
        Assert.Equal(ErrorCode.AlreadyRedeemed, other.Failure?.Code);
        Assert.Null(other.Failure!.RedeemedByCaller);
        Assert.Single(_core.Ledger.Entries(Alice));
        Assert.Empty(_core.Ledger.Entries(Bob));
    }

    [Fact]
    public async Task Redeem_WhenOwnCodeRepeated_CostsNoAttempt()
    {
        var issued = await _core.IssueOneAsync();
        await _core.RedeemAsync(Alice, issued.Code.Display);

        for (var i = 0; i < 10; i++) await _core.RedeemAsync(Alice, issued.Code.Display);
        var next = await _core.RedeemAsync(Alice, (await _core.IssueOneAsync()).Code.Display);

        Assert.True(next.Succeeded);
    }

    [Fact]
    public async Task Redeem_WhenCardCancelled_ReturnsInvalidCode()
    {
        var issued = await _core.IssueOneAsync();
        await _core.CancelCard.ExecuteAsync(issued.Card.Serial, CancellationToken.None);

        var result = await _core.RedeemAsync(Alice, issued.Code.Display);

        Assert.Equal(ErrorCode.InvalidCode, result.Failure?.Code);
        Assert.Empty(_core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Redeem_WhenPhysicalCardNotActivated_ReturnsCardNotActivated()
    {
        var issued = await _core.IssueOneAsync(kind: CardKind.Physical, activated: false);

        var result = await _core.RedeemAsync(Alice, issued.Code.Display);

        Assert.Equal(ErrorCode.CardNotActivated, result.Failure?.Code);
        Assert.Equal(CardStatus.Inactive, (await _core.CardAsync(issued.Card.Serial)).Status);
    }

    [Fact]
    public async Task Redeem_WhenPhysicalCardActivated_Succeeds()
    {
        var issued = await _core.IssueOneAsync(kind: CardKind.Physical, activated: false);
        await _core.ActivateCard.ExecuteAsync(
            new ActivateCardCommand(issued.Card.Serial, "shop-1", "r-1"), CancellationToken.None);

        var result = await _core.RedeemAsync(Alice, issued.Code.Display);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Redeem_WhenCodeUnknown_ReturnsInvalidCode()
    {
        var result = await _core.RedeemAsync(Alice, ClaimCode.Generate().Display);

        Assert.Equal(ErrorCode.InvalidCode, result.Failure?.Code);
    }

    [Fact]
    public async Task Redeem_WhenCodeMistyped_ReturnsInvalidCodeWithoutCountingAnAttempt()
    {
        var issued = await _core.IssueOneAsync();

        for (var i = 0; i < 10; i++)
        {
            var typo = await _core.RedeemAsync(Alice, Mistype.OneSymbol(issued.Code));
            Assert.Equal(ErrorCode.InvalidCode, typo.Failure?.Code);
            Assert.Contains("mistyped", typo.Failure?.Detail, StringComparison.Ordinal);
        }
        var result = await _core.RedeemAsync(Alice, issued.Code.Display);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Redeem_WhenValueThresholdAndVelocityBothHold_GivesTheValueThresholdAsTheReason()
    {
        var core = new CoreBuilder().WithReviewAbove(500_00).WithVelocity(VelocityLimits.Default).Build();
        var issued = await core.IssueOneAsync(amount: 2_500_00);

        await core.RedeemAsync(Alice, issued.Code.Display);

        Assert.Equal(HoldReason.ValueThreshold, (await core.CardAsync(issued.Card.Serial)).HeldFor!.Rule);
    }

    [Fact]
    public async Task Redeem_WhenHeldForReview_LeavesNothingForTheSweeper()
    {
        var core = new CoreBuilder().WithReviewAbove(500_00).Build();
        var issued = await core.IssueOneAsync(amount: 600_00);

        await core.RedeemAsync(Alice, issued.Code.Display);

        Assert.Empty(core.UnfinishedRedemptions.Entries);
    }

    [Fact]
    public async Task Redeem_WhenRetriedAfterACrashPastTheCredit_ShowsTheBalanceAsItIsNow()
    {
        var core = new CoreBuilder().WithLedgerStore(s => new CrashingLedgerStore(s)).Build();
        var interrupted = await core.IssueOneAsync(amount: 40_00);
        var other = await core.IssueOneAsync(amount: 25_00);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.RedeemAsync(Alice, interrupted.Code.Display));
        await core.RedeemAsync(Alice, other.Code.Display);

        var retried = await core.RedeemAsync(Alice, interrupted.Code.Display);

        Assert.Equal(65_00, retried.Value.Balance!.Gift.Amount);
        Assert.Equal(2, core.Ledger.Entries(Alice).Count);
    }
}
