using System.Globalization;

namespace Gifting.Integration.Tests.Reliability;

/// <summary>
/// How hard the reliability suites push. By default they run their fast part, which the README's test command
/// includes; <c>GIFTING_RELIABILITY=full</c> runs the long part (the case counts docs/reliability.md quotes).
/// Every random choice comes from a seed that the suites print, and <c>GIFTING_RELIABILITY_SEED</c> replays one.
/// </summary>
public static class ReliabilityRun
{
    public const string Switch = "GIFTING_RELIABILITY";
    public const string SeedVariable = "GIFTING_RELIABILITY_SEED";

    /// <summary>True when the long runs were asked for.</summary>
    public static bool Full =>
        string.Equals(Environment.GetEnvironmentVariable(Switch), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="fast"/> in the README's test command, <paramref name="full"/> in the long run.
    /// </summary>
    public static int Cases(int fast, int full) => Full ? full : fast;

    /// <summary>The seed to replay, when one was given; otherwise a fresh one.</summary>
    public static int Seed()
    {
        var given = Environment.GetEnvironmentVariable(SeedVariable);
        return int.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();
    }
}
