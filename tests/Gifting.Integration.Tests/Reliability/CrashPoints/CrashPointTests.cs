using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>
/// The crash-point matrix: every money path, killed before or after its write boundaries (Cosmos DB
/// writes, Service Bus sends, ACS calls), restarted over the same database and retried as the platform retries,
/// ends with the money moved exactly once and every card, order and line in a final, consistent state.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class CrashPointTests(CosmosFixture cosmos, ITestOutputHelper output)
{
    public static TheoryData<string> Paths => [.. AllPaths.Select(p => p.Name)];

    private static IEnumerable<CrashPath> AllPaths =>
    [
        ShopperPaths.Redeem, ShopperPaths.Debit, ShopperPaths.Refund, ShopperPaths.Grant, ShopperPaths.Expiry,
        ShopperPaths.Adjustment, ShopperPaths.Reversal, ShopperPaths.Reload, OrderPaths.Funding,
        OrderPaths.Intake, OrderPaths.ChunkIssuance, OrderPaths.Delivery, OrderPaths.OrderCancellation,
        ShopperPaths.CardCancellation,
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task MoneyPath_CrashedAtEveryWriteBoundaryAndRetried_MovesMoneyExactlyOnce(string path)
    {
        var seed = ReliabilityRun.Seed();
        await using var rig = await CrashRig.StartAsync(cosmos);

        var result = await CrashMatrix.RunAsync(rig, AllPaths.Single(p => p.Name == path), seed, output);

        ReliabilityReport.Record(output, "crash-points", path, result.Cases, result.Faults, result.Violations.Count,
            seed);
        Assert.True(result.Violations.Count == 0,
            $"seed {seed}: {result.Violations.Count} violations, first: {result.Violations.FirstOrDefault()}");
        Assert.True(result.Faults > 0, $"seed {seed}: no crash was injected over {result.Boundaries} boundaries");
    }
}
