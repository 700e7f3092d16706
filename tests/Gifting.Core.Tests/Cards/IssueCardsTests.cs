using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Tests.Support;
using Gifting.Testing;

namespace Gifting.Core.Tests.Cards;

public sealed class IssueCardsTests
{
    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Issue_StoresOnlyTheHashOfEachCode()
    {
        var issued = await _core.IssueAsync(count: 50);

        Assert.Equal(50, _core.Cards.Cards.Count);
        Assert.Equal(50, issued.Select(i => i.Card.Serial).Distinct().Count());
        foreach (var (card, code) in issued)
        {
            Assert.Equal(_core.Hasher.Hash(CodePurpose.ClaimCode, code.Normalized), card.CodeHash);
            Assert.Matches("^[0-9]{16}$", card.Serial);
        }
    }

    [Theory]
    [InlineData(0, 100, "USD")]
    [InlineData(1001, 100, "USD")]
    [InlineData(1, 0, "USD")]
    [InlineData(1, 100_000_001, "USD")]
    [InlineData(1, 100, "EUR")]
    public async Task Issue_WhenCommandOutOfBounds_ReturnsValidationFailed(int count, long amount, string currency)
    {
        var command = new IssueCardsCommand(
            count, new Money(amount, currency), Marketplace.Default, CardKind.Digital, true, "admin", "batch");

        var result = await _core.IssueCards.ExecuteAsync(command, CancellationToken.None);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Empty(_core.Cards.Cards);
    }

    [Theory]
    [InlineData(1000, 25_00)]
    [InlineData(1, 1_000_000_00)]
    [InlineData(1, 1)]
    public async Task Issue_AtTheLimitsOfCountAndValue_IssuesTheCards(int count, long amount)
    {
        var command = new IssueCardsCommand(
            count, new Money(amount, "USD"), Marketplace.Default, CardKind.Digital, true, "admin", "batch");

        var issued = await IssueAsync(_core, command);

        Assert.Equal(count, issued.Count);
        Assert.Equal(count, _core.Cards.Cards.Count);
        Assert.All(issued, c => Assert.Equal(amount, c.Card.Value.Amount));
    }

    [Fact]
    public async Task Issue_TwiceUnderOneBatch_CreatesEachCardOnceAndListsTheFoundOnesWithoutCodes()
    {
        var first = await IssueAsync(_core, Batch(count: 3));
        var again = await IssueAsync(_core, Batch(count: 3));

        Assert.Equal(3, _core.Cards.Cards.Count);
        Assert.Equal(
            first.Select(c => (c.Card.CardId, c.Card.Serial)), again.Select(c => (c.Card.CardId, c.Card.Serial)));
        Assert.All(first, c => Assert.NotNull(c.Code));
        Assert.All(again, c => Assert.Null(c.Code));
    }

    [Fact]
    public async Task Issue_RetriedAfterACrashMidBatch_CreatesOnlyTheMissingCards()
    {
        CrashingCardCreates? crashing = null;
        var core = new CoreBuilder().WithCardStore(s => crashing = new CrashingCardCreates(s, passing: 4)).Build();
        var command = Batch(count: 10);

        await Assert.ThrowsAnyAsync<Exception>(() => core.IssueCards.ExecuteAsync(command, CancellationToken.None));
        var landed = core.Cards.Cards.Count;
        crashing!.Heal();
        var retry = await IssueAsync(core, command);

        Assert.Equal(4, landed);
        Assert.Equal(10, core.Cards.Cards.Count);
        Assert.Equal(10, retry.Select(c => c.Card.Serial).Distinct().Count());
        Assert.Equal(6, retry.Count(c => c.Code is not null));
    }

    [Fact]
    public async Task Issue_RunningTwiceAtOnceUnderOneBatch_CreatesEachCardOnceWithOneCode()
    {
        var core = new CoreBuilder().WithCardStore(s => new YieldingCardStore(s)).Build();
        var command = Batch(count: 40);

        var runs = await Task.WhenAll(IssueAsync(core, command), IssueAsync(core, command));

        Assert.Equal(40, core.Cards.Cards.Count);
        Assert.Equal(runs[0].Select(c => c.Card.Serial), runs[1].Select(c => c.Card.Serial));
        Assert.All(Enumerable.Range(0, 40), i => Assert.True(runs[0][i].Code is null ^ runs[1][i].Code is null));
    }

    [Fact]
    public async Task Issue_WhenAnotherBatchHoldsADerivedSerial_TakesTheNextAndIssuesTheCardOnce()
    {
        var command = Batch(count: 2);
        var batch = await _core.Cards.BeginBatchAsync(CardBatch.For(command), CancellationToken.None);
        var squatter = (await _core.IssueOneAsync()).Card with
        {
            Serial = batch.Serial(1, 0), CodeHash = "code-v1-other"
        };
        Assert.Equal(CardCreation.Created, await _core.Cards.TryCreateAsync(squatter, CancellationToken.None));

        var first = await IssueAsync(_core, command);
        var again = await IssueAsync(_core, command);

        Assert.Equal([batch.Serial(0, 0), batch.Serial(1, 1)], first.Select(c => c.Card.Serial));
        Assert.Equal(first.Select(c => c.Card.Serial), again.Select(c => c.Card.Serial));
        Assert.Equal(squatter.CardId, (await _core.CardAsync(batch.Serial(1, 0))).CardId);
        Assert.Equal(4, _core.Cards.Cards.Count);
    }

    [Fact]
    public async Task Issue_UnderABatchFirstIssuedWithOtherTerms_ReturnsIdempotencyKeyMismatch()
    {
        await IssueAsync(_core, Batch(count: 2));

        var result = await _core.IssueCards.ExecuteAsync(
            Batch(count: 2) with { Value = new Money(99_00, "USD") }, CancellationToken.None);

        Assert.Equal(ErrorCode.IdempotencyKeyMismatch, result.Failure?.Code);
        Assert.Equal(2, _core.Cards.Cards.Count);
    }

    [Fact]
    public void Batch_DerivesSixteenDigitSerialsFromItsSaltAlone()
    {
        var batch = CardBatch.For(Batch(count: 1));
        var twin = batch with { Salt = (byte[])batch.Salt.Clone() };
        var stranger = CardBatch.For(Batch(count: 1));

        Assert.Matches("^[0-9]{16}$", batch.Serial(0, 0));
        Assert.Equal(batch.Serial(0, 0), twin.Serial(0, 0));
        Assert.Equal(batch.CardId(0), twin.CardId(0));
        Assert.NotEqual(batch.Serial(0, 0), batch.Serial(0, 1));
        Assert.NotEqual(batch.Serial(0, 0), stranger.Serial(0, 0));
    }

    [Fact]
    public async Task Issue_WhenTheFirstCodeClashes_KeepsTheSerialAndStoresTheCardUnderANewCode()
    {
        var core = new CoreBuilder().WithCardStore(s => new CodeClashOnceCardStore(s)).Build();
        var command = Batch(count: 1);

        var issued = Assert.Single(await IssueAsync(core, command));

        var batch = await core.Cards.BeginBatchAsync(CardBatch.For(command), CancellationToken.None);
        Assert.Equal(batch.Serial(0, 0), issued.Card.Serial);
        Assert.NotNull(issued.Code);
        Assert.Equal(issued.Card.CodeHash, (await core.CardAsync(issued.Card.Serial)).CodeHash);
    }

    [Fact]
    public async Task Issue_FindingACardAnEarlierRunStoredButDidNotCount_CountsItOnce()
    {
        var command = Batch(count: 2);
        var batch = await _core.Cards.BeginBatchAsync(CardBatch.For(command), CancellationToken.None);
        var earlier = (await _core.IssueOneAsync()).Card with
        {
            CardId = batch.CardId(0), Serial = batch.Serial(0, 0), CodeHash = "code-v1-earlier"
        };
        await _core.Cards.TryCreateAsync(earlier, CancellationToken.None);
        var before = (await UsAsync(_core)).UnredeemedCards;

        await IssueAsync(_core, command);
        await IssueAsync(_core, command);

        Assert.Equal(before + 2 * 25_00, (await UsAsync(_core)).UnredeemedCards);
    }

    [Fact]
    public async Task Issue_CountsEachNewCardIntoTheUnredeemedTotal()
    {
        await IssueAsync(_core, Batch(count: 3));

        Assert.Equal(3 * 25_00, (await UsAsync(_core)).UnredeemedCards);
    }

    [Fact]
    public async Task Issue_WhenTheStoreRefusesEveryCode_GivesUpAfterSixteenTriesAndStoresNothing()
    {
        CodeAlwaysTakenCardStore? store = null;
        var core = new CoreBuilder().WithCardStore(s => store = new CodeAlwaysTakenCardStore(s)).Build();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => core.IssueCards.ExecuteAsync(Batch(count: 1), CancellationToken.None));

        Assert.Equal(16, store!.Creates);
        Assert.Empty(core.Cards.Cards);
    }

    [Fact]
    public async Task Issue_WithoutABatchId_ThrowsAndStoresNothing()
    {
        var command = Batch(count: 1) with { BatchId = "" };

        await Assert.ThrowsAsync<ArgumentException>(() => _core.IssueCards.ExecuteAsync(command, default));

        Assert.Empty(_core.Cards.Cards);
    }


    private static async Task<Gifting.Core.Liability.LiabilityFigures> UsAsync(TestCore core) =>
        Assert.Single(
            await core.Liability.ReadAsync(Marketplace.Default, DateOnly.MinValue, DateOnly.MaxValue, default));

    private static IssueCardsCommand Batch(int count) =>
        new(count, new Money(25_00, "USD"), Marketplace.Default, CardKind.Digital, true, "issuer", "batch-under-test");

    private static async Task<IReadOnlyList<IssuedCard>> IssueAsync(TestCore core, IssueCardsCommand command)
    {
        var result = await core.IssueCards.ExecuteAsync(command, CancellationToken.None);
        return result.Succeeded
            ? result.Value
            : throw new InvalidOperationException($"Issuing failed: {result.Failure}");
    }
}
