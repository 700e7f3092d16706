using System.Text.Json;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability;

/// <summary>
/// The figures one reliability test saw: written to the test's output always, and appended as one JSON line to the
/// file <c>GIFTING_RELIABILITY_REPORT</c> names, when it names one (tools/reliability.sh collects them into a table).
/// </summary>
public static class ReliabilityReport
{
    public const string Variable = "GIFTING_RELIABILITY_REPORT";
    private static readonly Lock Gate = new();

    /// <param name="output">The test's output, or null.</param>
    /// <param name="item">The row of docs/reliability.md: crash-points, conservation, at-least-once, outages,
    /// bad-input, authorization, secrets, load.</param>
    /// <param name="suite">What ran, in a few words (usually the money path or trigger).</param>
    /// <param name="cases">Runs, histories, requests or messages tried.</param>
    /// <param name="faults">Faults injected (crashes, throttles, outages, malformed inputs).</param>
    /// <param name="violations">Invariant violations found; a test asserts this is zero after recording it.</param>
    /// <param name="seed">The seed that replays the run, for the random ones.</param>
    public static void Record(
        ITestOutputHelper? output, string item, string suite, long cases, long faults, long violations,
        int? seed = null)
    {
        var line = JsonSerializer.Serialize(new
        {
            item, suite, cases, faults, violations, seed, full = ReliabilityRun.Full, at = DateTimeOffset.UtcNow,
        });
        output?.WriteLine(line);
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(path)) return;
        lock (Gate) File.AppendAllText(path, line + Environment.NewLine);
    }
}
