using System.Xml.Linq;

namespace Gifting.Core.Tests.Architecture;

/// <summary>
/// The in-memory stores live in Gifting.Testing; only tests and bench/Gifting.LoadHost may reference it, so neither
/// the app nor the local stand-in can start on them.
/// </summary>
public sealed class InMemoryStoreReachTests
{
    [Theory]
    [InlineData("core")]
    [InlineData("infra")]
    [InlineData("functions")]
    [InlineData("local")]
    public void AppProjects_DoNotReferenceTheTestingProject(string folder)
    {
        var projects = Directory.EnumerateFiles(
            Path.Combine(CoreDependencyTests.SolutionDirectory(), folder), "*.csproj", SearchOption.AllDirectories);

        var references = projects.SelectMany(p => XDocument.Load(p).Descendants()
                .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference")
                .Select(e => $"{Path.GetFileName(p)} -> {(string?)e.Attribute("Include")}"))
            .ToList();

        Assert.NotEmpty(projects);
        Assert.DoesNotContain(references, r => r.Contains("Gifting.Testing", StringComparison.OrdinalIgnoreCase));
    }
}
