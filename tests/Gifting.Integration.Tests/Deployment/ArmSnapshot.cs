using System.Text.Json.Nodes;
using Gifting.LocalHost;

namespace Gifting.Integration.Tests.Deployment;

/// <summary>
/// What infra/azure/main.bicep deploys with its example parameters, as the Bicep compiler predicts it
/// (<c>bicep snapshot</c>: loops and conditions expanded, names and ids fixed). tools/Gifting.Bicep writes it on
/// every build, so these tests always read the templates as they are.
/// </summary>
public sealed class ArmSnapshot
{
    private ArmSnapshot(JsonArray resources, JsonObject template)
    {
        Resources = resources.Select(r => r!.AsObject()).ToList();
        Template = template;
    }

    public static ArmSnapshot Current { get; } = Load();

    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>The compiled ARM template itself (<c>bicep build</c>).</summary>
    public JsonObject Template { get; }

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject One(string type) => Assert.Single(OfType(type));

    /// <summary>The last segment of a resource's name: <c>ledger</c> of <c>account/gifting/ledger</c>.</summary>
    public static string ShortName(JsonObject resource) => ((string)resource["name"]!).Split('/')[^1];

    /// <summary>The function app's settings as the template declares them (values may be ARM expressions).</summary>
    public IReadOnlyDictionary<string, string> AppSettings() =>
        One("Microsoft.Web/sites/config")["properties"]!.AsObject()
            .ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);

    private static ArmSnapshot Load()
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "tools", "Gifting.Bicep", "obj", "arm");
        var snapshot = Path.Combine(folder, "main.snapshot.json");
        if (!File.Exists(snapshot))
            throw new InvalidOperationException(
                $"{snapshot} is missing: build tools/Gifting.Bicep (dotnet build Gifting.sln does) to compile the "
                + "templates.");
        var resources = JsonNode.Parse(File.ReadAllText(snapshot))!["predictedResources"]!.AsArray();
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "main.json")))!.AsObject();
        return new ArmSnapshot(resources, template);
    }
}
