using System.Security.Cryptography;
using Gifting.Core;
using Gifting.Core.Cards;
using Gifting.Infra.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Cards;

/// <summary>The Cosmos card store keeps the rules a re-run of an issuing batch leans on.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CardStoreTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    private ICardStore Store => _app.Services.GetRequiredService<ICardStore>();
    private Container Cards => _app.Services.GetRequiredService<GiftingContainers>().Cards;

    [Fact]
    public async Task Create_AtATakenSerialWithANewCode_LeavesNoCardForTheNewCode()
    {
        var card = NewCard();
        var rerun = card with { CodeHash = NewHash() };

        Assert.Equal(CardCreation.Created, await Store.TryCreateAsync(card, CancellationToken.None));
        Assert.Equal(CardCreation.SerialTaken, await Store.TryCreateAsync(rerun, CancellationToken.None));

        Assert.Null(await Store.FindByCodeHashAsync([rerun.CodeHash], CancellationToken.None));
        Assert.Equal(
            card.CardId, (await Store.FindByCodeHashAsync([card.CodeHash], CancellationToken.None))?.Card.CardId);
        Assert.Equal(
            card.CodeHash, (await Store.FindBySerialAsync(card.Serial, CancellationToken.None))?.Card.CodeHash);
        Assert.False(await ExistsAsync(rerun.CodeHash));
    }

    [Fact]
    public async Task Create_AtATakenCodeHash_AnswersCodeTakenAndTheSerialFindsNothingUntilANewCodeTakesIt()
    {
        var holder = NewCard();
        Assert.Equal(CardCreation.Created, await Store.TryCreateAsync(holder, CancellationToken.None));
        var card = NewCard() with { CodeHash = holder.CodeHash };

        Assert.Equal(CardCreation.CodeTaken, await Store.TryCreateAsync(card, CancellationToken.None));
        Assert.Null(await Store.FindBySerialAsync(card.Serial, CancellationToken.None));
        var drawnAgain = card with { CodeHash = NewHash() };
        Assert.Equal(CardCreation.Created, await Store.TryCreateAsync(drawnAgain, CancellationToken.None));

        Assert.Equal(drawnAgain.CodeHash,
            (await Store.FindBySerialAsync(card.Serial, CancellationToken.None))?.Card.CodeHash);
        Assert.Equal(holder.Serial,
            (await Store.FindByCodeHashAsync([holder.CodeHash], CancellationToken.None))?.Card.Serial);
    }

    [Fact]
    public async Task Reread_AnswersTheCardsCurrentVersion()
    {
        var card = NewCard();
        Assert.Equal(CardCreation.Created, await Store.TryCreateAsync(card, CancellationToken.None));
        var read = (await Store.FindBySerialAsync(card.Serial, CancellationToken.None))!;
        var etag = await Store.TryReplaceAsync(
            card with { Status = CardStatus.Cancelled }, read.ETag, CancellationToken.None);

        var again = await Store.RereadAsync(card, CancellationToken.None);

        Assert.Equal((CardStatus.Cancelled, etag), (again?.Card.Status, again?.ETag));
    }

    [Fact]
    public async Task BeginBatch_WhenTheIdIsTaken_AnswersTheFirstRunsBatch()
    {
        var command = new IssueCardsCommand(
            3, new Core.Money(500, "USD"), Marketplace.Default, CardKind.Digital, false, "issuer", Api.NewId("batch"));
        var first = CardBatch.For(command);

        var stored = await Store.BeginBatchAsync(first, CancellationToken.None);
        var again = await Store.BeginBatchAsync(CardBatch.For(command), CancellationToken.None);

        Assert.Same(first, stored);
        Assert.Equal(first.Salt, again.Salt);
        Assert.True(again.Matches(command));
        Assert.Equal(first.Serial(2, 0), again.Serial(2, 0));
    }

    private async Task<bool> ExistsAsync(string id)
    {
        try
        {
            await Cards.ReadItemAsync<System.Text.Json.JsonElement>(id, new PartitionKey(id));
            return true;
        }
        catch (CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    internal static Card NewCard() => new()
    {
        CardId = Guid.NewGuid().ToString("N"),
        Serial = RandomNumberGenerator.GetString("0123456789", 16),
        CodeHash = NewHash(),
        Last4 = "ABCD",
        Value = new Core.Money(500, "USD"),
        Marketplace = Marketplace.Default,
        Kind = CardKind.Digital,
        Status = CardStatus.Active,
        IssuedAt = DateTimeOffset.UtcNow,
    };

    internal static string NewHash() => "code-v1-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
