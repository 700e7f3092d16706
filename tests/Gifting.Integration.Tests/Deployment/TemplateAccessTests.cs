using System.Text.Json.Nodes;
using Gifting.LocalHost;

namespace Gifting.Integration.Tests.Deployment;

/// <summary>
/// The app's one identity holds every role its settings rely on, each scoped to the one resource it is for, and
/// nothing authenticates with a key: every service has local authentication switched off.
/// </summary>
public sealed class TemplateAccessTests
{
    // Built-in role definitions, from the Azure RBAC reference.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string ServiceBusDataReceiver = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";
    private const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private const string CommunicationAndEmailServiceOwner = "09976791-48a7-449e-bb21-39d1a415f350";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CosmosDataContributor = "00000000-0000-0000-0000-000000000002";

    public static TheoryData<string, string> RolesTheAppNeeds() => new()
    {
        { StorageBlobDataOwner, "Microsoft.Storage/storageAccounts" },
        { ServiceBusDataReceiver, "Microsoft.ServiceBus/namespaces" },
        { ServiceBusDataSender, "Microsoft.ServiceBus/namespaces" },
        { CommunicationAndEmailServiceOwner, "Microsoft.Communication/communicationServices" },
        { KeyVaultSecretsUser, "Microsoft.KeyVault/vaults" },
        { MonitoringMetricsPublisher, "Microsoft.Insights/components" },
    };

    [Theory]
    [MemberData(nameof(RolesTheAppNeeds))]
    public void AppIdentity_HoldsTheRoleOnTheResourceItIsFor(string role, string resourceType)
    {
        var snapshot = ArmSnapshot.Current;
        var resource = snapshot.One(resourceType);

        var assignment = Assert.Single(snapshot.OfType("Microsoft.Authorization/roleAssignments"),
            a => ((string)a["properties"]!["roleDefinitionId"]!).EndsWith(role, StringComparison.Ordinal)
                && ((string)a["id"]!).StartsWith((string)resource["id"]! + "/", StringComparison.OrdinalIgnoreCase));

        Assert.True(IsAppIdentity(assignment["properties"]!["principalId"]));
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
    }

    [Fact]
    public void AppIdentity_HoldsCosmosDataContributorOnTheAccount()
    {
        var snapshot = ArmSnapshot.Current;
        var account = snapshot.One("Microsoft.DocumentDB/databaseAccounts");

        var assignment = snapshot.One("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments")["properties"]!;

        Assert.EndsWith("/sqlRoleDefinitions/" + CosmosDataContributor, (string)assignment["roleDefinitionId"]!,
            StringComparison.Ordinal);
        Assert.Equal((string?)account["id"], (string?)assignment["scope"]);
        Assert.True(IsAppIdentity(assignment["principalId"]));
    }

    [Fact]
    public void EveryServiceTheAppUses_HasLocalAuthenticationOff()
    {
        var snapshot = ArmSnapshot.Current;

        Assert.True((bool)snapshot.One("Microsoft.DocumentDB/databaseAccounts")["properties"]!["disableLocalAuth"]!);
        Assert.True((bool)snapshot.One("Microsoft.ServiceBus/namespaces")["properties"]!["disableLocalAuth"]!);
        Assert.True((bool)snapshot.One("Microsoft.Communication/communicationServices")["properties"]!
            ["disableLocalAuth"]!);
        Assert.True((bool)snapshot.One("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!);
        Assert.True((bool)snapshot.One("Microsoft.KeyVault/vaults")["properties"]!["enableRbacAuthorization"]!);
        Assert.False((bool)snapshot.One("Microsoft.Storage/storageAccounts")["properties"]!
            ["allowSharedKeyAccess"]!);
    }

    [Fact]
    public void SiteAndEveryKeyVaultReference_UseTheOneUserAssignedIdentity()
    {
        var snapshot = ArmSnapshot.Current;
        var identity = (string)snapshot.One("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        var site = snapshot.One("Microsoft.Web/sites");
        var vault = ArmSnapshot.ShortName(snapshot.One("Microsoft.KeyVault/vaults"));

        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal(identity, (string?)site["properties"]!["keyVaultReferenceIdentity"]);
        var references = snapshot.AppSettings().Values
            .Where(v => v.Contains("@Microsoft.KeyVault", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains($"/vaults/{vault}'", r, StringComparison.Ordinal));
    }

    [Fact]
    public void ExpiryAlert_WatchesATimerFunctionThatExists()
    {
        var timers = FunctionCatalog.Load().Where(f => f.Trigger.Type == "timerTrigger").Select(f => f.Name).ToList();
        var alert = ArmSnapshot.Current.OfType("Microsoft.Insights/scheduledQueryRules")
            .Single(a => ArmSnapshot.ShortName(a) == "expiry-timer-not-run");

        var query = (string)alert["properties"]!["criteria"]!["allOf"]![0]!["query"]!;

        Assert.Contains("ExpirePromotionalCredits", timers);
        Assert.Contains("\"ExpirePromotionalCredits\"", query, StringComparison.Ordinal);
    }

    [Fact]
    public void DeliveryFailureAlert_CountsTheCounterTheAppExports()
    {
        var alert = ArmSnapshot.Current.OfType("Microsoft.Insights/scheduledQueryRules")
            .Single(a => ArmSnapshot.ShortName(a) == "delivery-failures");

        var query = (string)alert["properties"]!["criteria"]!["allOf"]![0]!["query"]!;

        Assert.Contains($"\"{Gifting.Functions.Telemetry.GiftingTelemetry.DeliveriesFailed}\"", query,
            StringComparison.Ordinal);
    }

    /// <summary>The principal is the template's user-assigned identity (a reference to its principalId).</summary>
    private static bool IsAppIdentity(JsonNode? principal) =>
        ((string?)principal ?? "") is var value
        && value.Contains("Microsoft.ManagedIdentity/userAssignedIdentities/", StringComparison.Ordinal)
        && value.EndsWith(".principalId]", StringComparison.Ordinal);
}
