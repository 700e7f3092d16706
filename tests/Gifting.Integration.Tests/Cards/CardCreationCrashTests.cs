using Gifting.Core;
using Gifting.Core.Cards;
using Gifting.Infra.Cosmos;
using Microsoft.Azure.Cosmos;
using static Gifting.Integration.Tests.Cards.CardStoreTests;

namespace Gifting.Integration.Tests.Cards;

/// <summary>
/// A card is two writes in Cosmos, its serial's index and then the card. Every state a run can leave between them, by
/// dying or by racing another run of its batch, must find nothing or one card, and a re-run must finish it.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class CardCreationCrashTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    private ICardStore Store => _app.Services.GetRequiredService<ICardStore>();
    private Container Cards => _app.Services.GetRequiredService<GiftingContainers>().Cards;

    [Fact]
    public async Task SerialIndexWithoutItsCard_FindsNothingByItsSerialOrItsCode()
    {
        var card = NewCard();
        await WriteSerialIndexAsync(card);

        Assert.Null(await Store.FindBySerialAsync(card.Serial, CancellationToken.None));
        Assert.Null(await Store.FindByCodeHashAsync([card.CodeHash], CancellationToken.None));
    }

    [Fact]
    public async Task Create_AfterARunDiedBetweenItsTwoWrites_FinishesThatRunsCardAndStoresNoOther()
    {
        var died = NewCard();
        await WriteSerialIndexAsync(died);
        var rerun = died with { CodeHash = NewHash(), Last4 = "WXYZ", IssuedAt = died.IssuedAt.AddMinutes(1) };

        Assert.Equal(CardCreation.SerialTaken, await Store.TryCreateAsync(rerun, CancellationToken.None));

        var found = (await Store.FindBySerialAsync(died.Serial, CancellationToken.None))?.Card;
        Assert.Equal((died.CardId, died.CodeHash, died.Last4), (found?.CardId, found?.CodeHash, found?.Last4));
        Assert.Equal(
            died.Serial, (await Store.FindByCodeHashAsync([died.CodeHash], CancellationToken.None))?.Card.Serial);
        Assert.Null(await Store.FindByCodeHashAsync([rerun.CodeHash], CancellationToken.None));
    }

    [Fact]
    public async Task Create_ByASlowRunWhoseCardAnotherRunFinished_CountsAsCreatedUnderItsCode()
    {
        var slow = NewCard();
        await WriteSerialIndexAsync(slow);
        var rerun = slow with { CodeHash = NewHash() };
        Assert.Equal(CardCreation.SerialTaken, await Store.TryCreateAsync(rerun, CancellationToken.None));

        Assert.Equal(CardCreation.Created, await Store.TryCreateAsync(slow, CancellationToken.None));

        Assert.Equal(
            slow.CodeHash, (await Store.FindBySerialAsync(slow.Serial, CancellationToken.None))?.Card.CodeHash);
        Assert.Null(await Store.FindByCodeHashAsync([rerun.CodeHash], CancellationToken.None));
    }

    [Fact]
    public async Task Create_TwoRunsOfOneCardAtOnce_StoreOneCardUnderTheCodeOfTheOneThatCreatedIt()
    {
        for (var i = 0; i < 10; i++)
        {
            var first = NewCard();
            var second = first with { CodeHash = NewHash() };

            var outcomes = await Task.WhenAll(
                Store.TryCreateAsync(first, CancellationToken.None),
                Store.TryCreateAsync(second, CancellationToken.None));

            Assert.Single(outcomes, o => o == CardCreation.Created);
            Assert.Single(outcomes, o => o == CardCreation.SerialTaken);
            var creator = outcomes[0] == CardCreation.Created ? first : second;
            var other = creator == first ? second : first;
            Assert.Equal(
                creator.CodeHash, (await Store.FindBySerialAsync(first.Serial, CancellationToken.None))?.Card.CodeHash);
            Assert.Null(await Store.FindByCodeHashAsync([other.CodeHash], CancellationToken.None));
        }
    }

    [Fact]
    public async Task Issue_WhereAnotherBatchsRunDiedOnADerivedSerial_TakesTheNextSerial()
    {
        var issue = _app.Services.GetRequiredService<IssueCards>();
        var command = new IssueCardsCommand(
            1, new Core.Money(500, "USD"), Marketplace.Default, CardKind.Digital, false, "issuer-1",
            Api.NewId("batch"));
        var batch = await Store.BeginBatchAsync(CardBatch.For(command), CancellationToken.None);
        var stranger = NewCard() with { Serial = batch.Serial(0, 0) };
        await WriteSerialIndexAsync(stranger);

        var first = (await issue.ExecuteAsync(command, CancellationToken.None)).Value!;
        var again = (await issue.ExecuteAsync(command, CancellationToken.None)).Value!;

        Assert.Equal((batch.Serial(0, 1), true), (first[0].Card.Serial, first[0].Code is not null));
        Assert.Equal((batch.Serial(0, 1), false), (again[0].Card.Serial, again[0].Code is not null));
    }

    /// <summary>The first of a card's two writes, as a run that died right after it left it.</summary>
    private async Task WriteSerialIndexAsync(Card card) => await Cards.CreateItemAsync(
        new
        {
            id = card.Serial, pk = card.Serial, cardId = card.CardId, codeHash = card.CodeHash, last4 = card.Last4,
            issuedAt = card.IssuedAt, docType = "serial",
        },
        new PartitionKey(card.Serial));
}
