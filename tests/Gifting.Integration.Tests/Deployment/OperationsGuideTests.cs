using System.Text.RegularExpressions;
using Gifting.LocalHost;

namespace Gifting.Integration.Tests.Deployment;

/// <summary>docs/operations.md stays true to the code: its configuration reference and its alerts.</summary>
public sealed partial class OperationsGuideTests
{
    private static readonly string Guide =
        File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "operations.md"));

    [Fact]
    public void ConfigurationReference_ListsExactlyTheSettingsTheAppBinds()
    {
        var section = Section("## Configuration reference");
        var listed = Row().Matches(section).Select(m => m.Groups["key"].Value).ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(BoundSettings.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AlertTable_NamesEveryAlertTheTemplateCreates()
    {
        var alerts = ArmSnapshot.Current.OfType("Microsoft.Insights/metricAlerts")
            .Concat(ArmSnapshot.Current.OfType("Microsoft.Insights/scheduledQueryRules"))
            .Select(ArmSnapshot.ShortName)
            .ToList();
        var listed = Row().Matches(Section("## Alerts")).Select(m => m.Groups["key"].Value);

        Assert.Equal(5, alerts.Count);
        Assert.Equal(alerts.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    private static string Section(string heading)
    {
        var start = Guide.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/operations.md has no section {heading}.");
        var end = Guide.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? Guide[start..] : Guide[start..end];
    }

    /// <summary>A table row whose first cell is one code span: <c>| `Cosmos:Endpoint` | ...</c>.</summary>
    [GeneratedRegex(@"^\| `(?<key>[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
