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
    public async Task Create_AtATakenSerialWithANewCode_LeavesNoIndexForTheNewCode()
    {
        var card = NewCard();
        var rerun = card with { CodeHash = NewHash() };

        Assert.True(await Store.TryCreateAsync(card, CancellationToken.None));
        Assert.False(await Store.TryCreateAsync(rerun, CancellationToken.None));

        Assert.Null(await Store.FindByCodeHashAsync([rerun.CodeHash], CancellationToken.None));
        Assert.Equal(
            card.CardId, (await Store.FindByCodeHashAsync([card.CodeHash], CancellationToken.None))?.Card.CardId);
        Assert.False(await ExistsAsync(rerun.CodeHash));
    }

    [Fact]
    public async Task DanglingIndex_ForASerialWhoseCardHasAnotherCode_FindsNothing()
    {
        var card = NewCard();
        Assert.True(await Store.TryCreateAsync(card, CancellationToken.None));
        var dangling = NewHash();
        await Cards.CreateItemAsync(
            new { id = dangling, pk = dangling, serial = card.Serial, docType = "code" }, new PartitionKey(dangling));

        Assert.Null(await Store.FindByCodeHashAsync([dangling], CancellationToken.None));
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

    private static Card NewCard() => new()
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

    private static string NewHash() => "code-v1-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
