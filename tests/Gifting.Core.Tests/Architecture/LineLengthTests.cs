namespace Gifting.Core.Tests.Architecture;

/// <summary>
/// The .editorconfig says <c>max_line_length = 120</c>; the compiler does not enforce it, so this does.
/// </summary>
public sealed class LineLengthTests
{
    private const int MaxLineLength = 120;

    private static readonly string[] SourceFolders = ["core", "infra", "functions", "local", "tests", "bench"];

    [Fact]
    public void EverySourceLine_IsAtMost120Characters()
    {
        var root = CoreDependencyTests.SolutionDirectory();
        var separator = Path.DirectorySeparatorChar;
        var tooLong = SourceFolders
            .SelectMany(folder =>
                Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                && !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file)
                .Select((line, index) => (File: Path.GetRelativePath(root, file), Line: index + 1, line.Length)))
            .Where(l => l.Length > MaxLineLength)
            .Select(l => $"{l.File}:{l.Line} ({l.Length})")
            .ToList();

        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines over {MaxLineLength}:\n" + string.Join("\n", tooLong));
    }
}
