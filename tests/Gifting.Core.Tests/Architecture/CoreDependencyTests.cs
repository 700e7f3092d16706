using System.Xml.Linq;

namespace Gifting.Core.Tests.Architecture;

public sealed class CoreDependencyTests
{
    [Fact]
    public void CoreProject_ReferencesNeitherCosmosNorAspNetCoreNorAzureSdks()
    {
        var project = XDocument.Load(Path.Combine(SolutionDirectory(), "core", "Gifting.Core", "Gifting.Core.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .ToList();

        Assert.DoesNotContain(references, r => r.Contains("Cosmos", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.Contains("AspNetCore", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.Contains("Infra", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.StartsWith("Azure.", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.Contains("Extensions.Azure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Microsoft.NET.Sdk", (string?)project.Root?.Attribute("Sdk"));
    }

    [Fact]
    public void CoreAssembly_LoadsNoCosmosAspNetCoreOrAzureSdkAssembly()
    {
        var referenced = typeof(Money).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.DoesNotContain(referenced, n => n.StartsWith("Microsoft.Azure.Cosmos", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, n => n.StartsWith("Azure.", StringComparison.Ordinal));
    }

    internal static string SolutionDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gifting.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Gifting.sln not found above " + AppContext.BaseDirectory);
    }
}
