using System.Text.Json;
using Gifting.Functions;
using Gifting.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gifting.Integration.Tests.Deployment;

/// <summary>
/// The function app's settings in the template are what the app and the Functions host need: the app validates
/// them at start-up as it would in Azure, every trigger connection is identity-based, no secret is a plain value,
/// and nothing Flex Consumption refuses is set.
/// </summary>
public sealed class TemplateSettingsTests
{
    /// <summary>
    /// Settings the Functions host reads, not the app: its storage, telemetry and trigger connections.
    /// </summary>
    private static readonly string[] HostPrefixes =
        ["AzureWebJobsStorage__", "APPLICATIONINSIGHTS_", "ServiceBusConnection__"];

    /// <summary>Settings the Flex Consumption plan refuses or sets itself.</summary>
    private static readonly string[] FlexRefuses =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME_VERSION", "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE",
        "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD", "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT",
        "WEBSITE_VNET_ROUTE_ALL", "WEBSITE_TIME_ZONE", "TZ", "AzureWebJobsStorage",
    ];

    [Fact]
    public void App_OnTheTemplatesSettings_PassesEveryStartUpValidation()
    {
        var settings = ResolvedSettings();

        using var app = Build(settings);

        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void App_WithoutASettingTheTemplateSupplies_FailsStartUpValidation()
    {
        var settings = ResolvedSettings();
        settings.Remove("Communication:SmsFrom");

        using var app = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(
            () => app.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Communication:SmsFrom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAppSettingInTheTemplate_IsOneTheAppBindsOrTheHostReads()
    {
        var unknown = ArmSnapshot.Current.AppSettings().Keys
            .Where(k => !HostPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)))
            .Where(k => !BoundSettings.Binds(k.Replace("__", ":", StringComparison.Ordinal)))
            .ToList();

        Assert.Contains("Cosmos:Endpoint", BoundSettings.Keys);
        Assert.Empty(unknown);
    }

    [Fact]
    public void EveryTriggerConnection_IsIdentityBasedWithTheAppsIdentity()
    {
        var settings = ArmSnapshot.Current.AppSettings();
        var connections = Directory.GetFiles(
                Path.Combine(RepositoryRoot.Find(), "functions", "Gifting.Functions", "Functions"),
                "function.json", SearchOption.AllDirectories)
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("bindings")
                .EnumerateArray()
                .Where(b => b.TryGetProperty("connection", out _))
                .Select(b => b.GetProperty("connection").GetString()!))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("ServiceBusConnection", connections);
        foreach (var connection in connections)
        {
            Assert.DoesNotContain(connection, settings.Keys);
            Assert.EndsWith(".servicebus.windows.net", settings[$"{connection}__fullyQualifiedNamespace"],
                StringComparison.Ordinal);
            Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
            Assert.EndsWith(".clientId]", settings[$"{connection}__clientId"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoSecretKeyOrConnectionString_IsAPlainAppSetting()
    {
        var settings = ArmSnapshot.Current.AppSettings();
        // Not a secret: with local authentication off, ingestion also needs the identity's Entra token.
        var secretLike = settings.Where(s => s.Key != "APPLICATIONINSIGHTS_CONNECTION_STRING" && IsSecretLike(s.Key))
            .ToList();

        Assert.DoesNotContain("Cosmos__Key", settings.Keys);
        Assert.DoesNotContain("ServiceBus__ConnectionString", settings.Keys);
        Assert.DoesNotContain("Communication__ConnectionString", settings.Keys);
        Assert.NotEmpty(secretLike);
        Assert.All(secretLike,
            s => Assert.Contains("@Microsoft.KeyVault(SecretUri=", s.Value, StringComparison.Ordinal));
        var template = ArmSnapshot.Current.Template.ToJsonString();
        foreach (var leak in new[] { "listKeys(", "listConnectionStrings(", "AccountKey=", "SharedAccessKey" })
            Assert.DoesNotContain(leak, template, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FunctionApp_IsAFlexConsumptionCustomHandlerWithOnlySettingsFlexAllows()
    {
        var snapshot = ArmSnapshot.Current;
        var site = snapshot.One("Microsoft.Web/sites");
        var config = site["properties"]!["functionAppConfig"]!;

        Assert.Equal("FlexConsumption", (string?)snapshot.One("Microsoft.Web/serverfarms")["sku"]!["tier"]);
        Assert.Equal("custom", (string?)config["runtime"]!["name"]);
        Assert.Equal("1.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
        Assert.False((bool)snapshot.One("Microsoft.Storage/storageAccounts")["properties"]!["allowSharedKeyAccess"]!);
        Assert.Empty(snapshot.AppSettings().Keys.Intersect(FlexRefuses, StringComparer.OrdinalIgnoreCase));
        foreach (var siteProperty in new[] { "alwaysOn", "linuxFxVersion", "use32BitWorkerProcess" })
            Assert.Null(site["properties"]!["siteConfig"]![siteProperty]);
    }

    /// <summary>
    /// A key, secret, password or connection string: by its last segment, or as a value of a <c>Keys</c> map.
    /// </summary>
    private static bool IsSecretLike(string key)
    {
        var segments = key.Split("__");
        var last = segments[^1];
        return last.EndsWith("Key", StringComparison.OrdinalIgnoreCase)
            || (segments.Length > 1 && segments[^2].EndsWith("Keys", StringComparison.OrdinalIgnoreCase))
            || new[] { "Secret", "Password", "ConnectionString", "CONNECTION_STRING", "Token" }
                .Any(word => last.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The template's settings as configuration keys, with expressions and Key Vault references resolved.
    /// </summary>
    private static Dictionary<string, string?> ResolvedSettings()
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        return ArmSnapshot.Current.AppSettings().ToDictionary(
            s => s.Key.Replace("__", ":", StringComparison.Ordinal),
            s => (string?)ArmValues.Resolve(s.Value, secrets),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The app from its composition root, in Production, with nothing but <paramref name="settings"/>.
    /// </summary>
    private static WebApplication Build(Dictionary<string, string?> settings) =>
        GiftingApp.Build(["--environment", "Production"], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(settings);
        });
}
