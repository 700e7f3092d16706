using Gifting.Infra.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Startup;

/// <summary>The container comparison, on definitions built here: it covers what no emulator is asked to hold.</summary>
public sealed class ContainerCheckTests
{
    private static ContainerProperties Expected(string name) =>
        GiftingContainers.Definitions().Single(d => d.Id == name);

    [Theory]
    [InlineData("cards")]
    [InlineData("ledger")]
    [InlineData("funding")]
    [InlineData("throttles")]
    [InlineData("idempotency")]
    [InlineData("expiries")]
    [InlineData("rejections")]
    public void Problems_WhenProvisionedAsDefined_AreNone(string name) =>
        Assert.Empty(ContainerCheck.Problems(Expected(name), Expected(name)));

    [Fact]
    public void Problems_WhenLedgerUniqueKeyIsMissing_NameOpKey()
    {
        var problems = ContainerCheck.Problems(Expected("ledger"), new ContainerProperties("ledger", "/pk"));

        Assert.Contains("/opKey", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_WhenFundingUniqueKeyIsMissing_NameOpKey()
    {
        var actual = new ContainerProperties("funding", "/pk") { IndexingPolicy = Expected("funding").IndexingPolicy };

        var problems = ContainerCheck.Problems(Expected("funding"), actual);

        Assert.Contains("/opKey", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_WhenOpKeyIsOnlyPartOfACompositeUniqueKey_NameOpKey()
    {
        var composite = new UniqueKey { Paths = { "/opKey", "/docType" } };
        var actual = new ContainerProperties("ledger", "/pk")
        {
            UniqueKeyPolicy = new UniqueKeyPolicy { UniqueKeys = { composite } },
        };

        var problems = ContainerCheck.Problems(Expected("ledger"), actual);

        Assert.Contains("/opKey", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("throttles")]
    [InlineData("idempotency")]
    [InlineData("rejections")]
    public void Problems_WhenTimeToLiveIsOff_NameDefaultTtl(string name)
    {
        var problems = ContainerCheck.Problems(Expected(name), new ContainerProperties(name, "/pk"));

        Assert.Contains("defaultTtl", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ledger")]
    [InlineData("funding")]
    [InlineData("cards")]
    [InlineData("expiries")]
    public void Problems_WhenAContainerThatKeepsItsDocumentsHasADefaultTimeToLive_NameDefaultTtl(string name)
    {
        var actual = new ContainerProperties(name, "/pk") { DefaultTimeToLive = 30 * 24 * 3600 };
        if (name is "ledger" or "funding") actual.UniqueKeyPolicy = Expected(name).UniqueKeyPolicy;

        var problems = ContainerCheck.Problems(Expected(name), actual);

        Assert.Contains("defaultTtl", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_WhenTimeToLiveHasAValue_AreNone() =>
        Assert.Empty(ContainerCheck.Problems(Expected("throttles"),
            new ContainerProperties("throttles", "/pk") { DefaultTimeToLive = 3600 }));

    [Fact]
    public void Problems_WhenPartitionKeyIsHierarchical_NameThePath()
    {
        var problems = ContainerCheck.Problems(Expected("cards"), new ContainerProperties("cards", ["/pk", "/id"]));

        Assert.Contains("/pk + /id", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_WhenLedgerLeavesAQueriedPathOutOfItsIndex_NameThePath()
    {
        var actual = new ContainerProperties("ledger", "/pk")
        {
            UniqueKeyPolicy = Expected("ledger").UniqueKeyPolicy,
            IndexingPolicy = IndexingPolicies.Only("/pk", "/docType", "/opKey", "/reference"),
        };

        var problems = ContainerCheck.Problems(Expected("ledger"), actual);

        Assert.Contains("/seq/?", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_WhenIndexingIsOffWhereQueriesRun_NameEveryQueriedPath()
    {
        var actual = new ContainerProperties("expiries", "/pk")
        {
            IndexingPolicy = new IndexingPolicy { IndexingMode = IndexingMode.None, Automatic = false },
        };

        var problem = Assert.Single(ContainerCheck.Problems(Expected("expiries"), actual));

        foreach (var path in new[] { "/pk/?", "/expiresAtMs/?", "/sinceMs/?" })
            Assert.Contains(path, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_WhenAQueriedPathIsExcludedUnderAnIncludedRoot_NameThePath()
    {
        var policy = new IndexingPolicy { IncludedPaths = { new IncludedPath { Path = "/*" } } };
        policy.ExcludedPaths.Add(new ExcludedPath { Path = "/sinceMs/*" });
        var actual = new ContainerProperties("expiries", "/pk") { IndexingPolicy = policy };

        var problems = ContainerCheck.Problems(Expected("expiries"), actual);

        Assert.Contains("/sinceMs/?", Assert.Single(problems), StringComparison.Ordinal);
    }

    /// <summary>Containers provisioned before the narrow policies index everything: more is no fault.</summary>
    [Theory]
    [InlineData("ledger")]
    [InlineData("funding")]
    [InlineData("expiries")]
    [InlineData("cards")]
    public void Problems_WhenEverythingIsIndexed_AreNone(string name)
    {
        var policy = new IndexingPolicy { IncludedPaths = { new IncludedPath { Path = "/*" } } };
        policy.ExcludedPaths.Add(new ExcludedPath { Path = "/\"_etag\"/?" });
        var actual = new ContainerProperties(name, "/pk")
        {
            UniqueKeyPolicy = Expected(name).UniqueKeyPolicy, IndexingPolicy = policy,
        };

        Assert.Empty(ContainerCheck.Problems(Expected(name), actual));
    }
}
