using Gifting.Infra.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Startup;

/// <summary>
/// The app reads each container's definition at start-up and refuses to run on one that would break exactly-once or
/// let throttle and idempotency records pile up. Each case provisions its own database with one container wrong.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class StartupCheckTests(CosmosFixture cosmos)
{
    [Fact]
    public Task App_WhenLedgerHasNoUniqueKey_RefusesToStartNamingOpKey() =>
        AssertRefusedAsync(new ContainerProperties("ledger", "/pk"), "'ledger'", "/opKey");

    [Fact]
    public Task App_WhenFundingHasNoUniqueKey_RefusesToStartNamingOpKey() =>
        AssertRefusedAsync(new ContainerProperties("funding", "/pk"), "'funding'", "/opKey");

    [Fact]
    public Task App_WhenCardsArePartitionedByAnotherPath_RefusesToStartNamingPk() =>
        AssertRefusedAsync(new ContainerProperties("cards", "/id"), "'cards'", "/pk");

    [Fact]
    public Task App_WhenThrottlesHaveNoTimeToLive_RefusesToStartNamingTtl() =>
        AssertRefusedAsync(new ContainerProperties("throttles", "/pk"), "'throttles'", "defaultTtl");

    [Fact]
    public Task App_WhenLedgerDoesNotIndexTheSequence_RefusesToStartNamingSeq() =>
        AssertRefusedAsync(new ContainerProperties("ledger", "/pk")
        {
            UniqueKeyPolicy = GiftingContainers.Definitions().Single(d => d.Id == "ledger").UniqueKeyPolicy,
            IndexingPolicy = IndexingPolicies.Only("/pk", "/docType", "/opKey", "/reference"),
        }, "'ledger'", "/seq/?");

    /// <summary>The emulator keeps the narrow policies it is given, and a container created from them passes.</summary>
    [Fact]
    public async Task Containers_WhenCreatedByTheApp_KeepTheirIndexingPolicyAndPassTheCheck()
    {
        using var client = cosmos.CreateClient();
        foreach (var expected in GiftingContainers.Definitions())
        {
            var actual = (await client.GetContainer(cosmos.Database, expected.Id).ReadContainerAsync()).Resource;

            Assert.Empty(ContainerCheck.Problems(expected, actual));
            Assert.Equal(["/*"], actual.IndexingPolicy.ExcludedPaths.Select(p => p.Path));
            Assert.Equal(expected.IndexingPolicy.IncludedPaths.Select(p => p.Path),
                actual.IndexingPolicy.IncludedPaths.Select(p => p.Path));
        }
    }

    [Fact]
    public async Task App_WhenContainersAreAsDefined_Starts()
    {
        using var app = new GiftingFactory(cosmos);

        using var response = await app.CreateClient().GetAsync("/api/health");

        Assert.Equal(200, (int)response.StatusCode);
    }

    private async Task AssertRefusedAsync(ContainerProperties wrong, params string[] named)
    {
        var database = cosmos.Database + "-" + wrong.Id;
        using var client = cosmos.CreateClient();
        var created = (await client.CreateDatabaseIfNotExistsAsync(database)).Database;
        try
        {
            // Provisioned ahead, as in Azure, with one container wrong.
            foreach (var definition in GiftingContainers.Definitions())
                await created.CreateContainerAsync(definition.Id == wrong.Id ? wrong : definition);
            var settings = new Dictionary<string, string>
            {
                ["Cosmos:Database"] = database,
                ["Cosmos:CreateIfMissing"] = "false",
            };
            using var app = new GiftingFactory(cosmos, settings: settings);

            var refusal = await app.RefusalToStartAsync<Exception>();

            foreach (var name in named) Assert.Contains(name, refusal.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await created.DeleteAsync();
        }
    }
}
