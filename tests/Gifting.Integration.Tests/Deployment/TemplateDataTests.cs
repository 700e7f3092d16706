using System.Reflection;
using System.Text.Json.Nodes;
using Gifting.Infra.Cosmos;
using Gifting.LocalHost;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json;

namespace Gifting.Integration.Tests.Deployment;

/// <summary>
/// The template declares every Cosmos DB container the code defines, exactly as it defines it, and every queue the
/// code sends to or triggers on, with the settings exactly-once handling relies on.
/// </summary>
public sealed class TemplateDataTests
{
    [Fact]
    public void EveryContainerTheCodeDefines_IsDeclaredWithItsPartitionKeyUniqueKeysTtlAndIndexing()
    {
        var declared = ArmSnapshot.Current.OfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers")
            .ToDictionary(ArmSnapshot.ShortName, Declared, StringComparer.Ordinal);

        Assert.Equal(GiftingContainers.Definitions().Select(d => d.Id).Order(), declared.Keys.Order());
        foreach (var expected in GiftingContainers.Definitions())
        {
            var actual = declared[expected.Id];
            Assert.Empty(ContainerCheck.Problems(expected, actual));
            Assert.Equal(expected.DefaultTimeToLive, actual.DefaultTimeToLive);
            Assert.Equal(Paths(expected.UniqueKeyPolicy), Paths(actual.UniqueKeyPolicy));
            Assert.Equal(expected.IndexingPolicy.IncludedPaths.Select(p => p.Path).Order(),
                actual.IndexingPolicy.IncludedPaths.Select(p => p.Path).Order());
            Assert.Equal(expected.IndexingPolicy.ExcludedPaths.Select(p => p.Path).Order(),
                actual.IndexingPolicy.ExcludedPaths.Select(p => p.Path).Order());
        }
    }

    [Fact]
    public void CosmosAccount_HasKeysOffSessionConsistencyAndContinuousBackup()
    {
        var account = ArmSnapshot.Current.One("Microsoft.DocumentDB/databaseAccounts")["properties"]!;

        Assert.True((bool)account["disableLocalAuth"]!);
        Assert.Equal("Session", (string?)account["consistencyPolicy"]!["defaultConsistencyLevel"]);
        Assert.Equal("Continuous", (string?)account["backupPolicy"]!["type"]);
        Assert.Equal(new CosmosOptions().Database,
            ArmSnapshot.ShortName(ArmSnapshot.Current.One("Microsoft.DocumentDB/databaseAccounts/sqlDatabases")));
    }

    [Fact]
    public void EveryQueueTheCodeNames_IsDeclaredWithDuplicateDetectionDeadLetteringAndABoundedLock()
    {
        var declared = ArmSnapshot.Current.OfType("Microsoft.ServiceBus/namespaces/queues")
            .ToDictionary(ArmSnapshot.ShortName, q => q["properties"]!, StringComparer.Ordinal);
        var named = QueuesTheCodeNames();

        Assert.Superset(new HashSet<string> { "refunds", "gift-deliveries", "order-chunks" }, named);
        Assert.Equal(named.Order(), declared.Keys.Order());
        foreach (var (name, queue) in declared)
        {
            Assert.True((bool)queue["requiresDuplicateDetection"]!, name);
            var window = System.Xml.XmlConvert.ToTimeSpan((string)queue["duplicateDetectionHistoryTimeWindow"]!);
            Assert.InRange(window, TimeSpan.FromMinutes(10), TimeSpan.FromDays(7));
            Assert.True((bool)queue["deadLetteringOnMessageExpiration"]!, name);
            Assert.InRange((int)queue["maxDeliveryCount"]!, 3, 10);
            var lockDuration = System.Xml.XmlConvert.ToTimeSpan((string)queue["lockDuration"]!);
            Assert.InRange(lockDuration, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        }
        var namespaceProperties = ArmSnapshot.Current.One("Microsoft.ServiceBus/namespaces");
        Assert.Equal("Standard", (string?)namespaceProperties["sku"]!["tier"]);
        Assert.True((bool)namespaceProperties["properties"]!["disableLocalAuth"]!);
    }

    [Fact]
    public void DeliveryQueuesLock_OutlastsTheDeliveryClaimLease()
    {
        var queue = ArmSnapshot.Current.OfType("Microsoft.ServiceBus/namespaces/queues")
            .Single(q => ArmSnapshot.ShortName(q) == Gifting.Core.Delivery.GiftDeliveries.Queue);

        var lockDuration = System.Xml.XmlConvert.ToTimeSpan((string)queue["properties"]!["lockDuration"]!);

        Assert.True(lockDuration > new Gifting.Functions.DeliveryOptions().ClaimLease + TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// The queues the code names: each <c>Queue</c> constant of the app's assemblies, and each queue a
    /// function.json triggers on or writes to.
    /// </summary>
    internal static HashSet<string> QueuesTheCodeNames()
    {
        var constants = new[]
            {
                typeof(Gifting.Core.Money), typeof(Gifting.Infra.GiftingInfraServices),
                typeof(Gifting.Functions.Program),
            }
            .SelectMany(t => t.Assembly.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string)
                && (f.Name == "Queue" || f.Name.EndsWith("Queue", StringComparison.Ordinal)))
            .Select(f => (string)f.GetRawConstantValue()!);
        var bindings = FunctionCatalog.Load()
            .SelectMany(f => f.Bindings)
            .Where(b => b.Type is "serviceBusTrigger" or "serviceBus")
            .Select(b => b.QueueName!);
        return constants.Concat(bindings).ToHashSet(StringComparer.Ordinal);
    }

    private static ContainerProperties Declared(JsonObject container) =>
        JsonConvert.DeserializeObject<ContainerProperties>(container["properties"]!["resource"]!.ToJsonString())!;

    private static IEnumerable<string> Paths(UniqueKeyPolicy? policy) =>
        (policy?.UniqueKeys ?? []).SelectMany(k => k.Paths).Order();
}
