namespace Gifting.Integration.Tests.Browser;

/// <summary>
/// Where the system's Chromium is: <c>GIFTING_CHROMIUM</c>, else <c>chromium</c> or <c>chromium-browser</c> on the
/// path. Playwright's own browser download is never used. With <c>GIFTING_REQUIRE_BROWSER=1</c> (CI sets it) a missing
/// browser fails the browser tests; elsewhere they are skipped, saying why.
/// </summary>
public static class SystemChromium
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("GIFTING_CHROMIUM") is { Length: > 0 } given)
            return File.Exists(given) ? given : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    public static bool Required => Environment.GetEnvironmentVariable("GIFTING_REQUIRE_BROWSER") == "1";

    /// <summary>The browser's path; fails when it is required and missing, else skips the test.</summary>
    public static string Require()
    {
        var found = Find();
        if (found is null && Required)
            Assert.Fail("GIFTING_REQUIRE_BROWSER=1 but no Chromium was found (GIFTING_CHROMIUM, chromium on PATH).");
        Skip.If(found is null,
            "No Chromium on this machine: install Debian's chromium or set GIFTING_CHROMIUM to run the browser tests.");
        return found!;
    }
}
