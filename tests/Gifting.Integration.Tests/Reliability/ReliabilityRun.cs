using System.Globalization;

namespace Gifting.Integration.Tests.Reliability;

/// <summary>
/// How hard the reliability suites push. By default they run their fast part, which the README's test command
/// includes, from one fixed seed, so that every run of it tries the same cases; <c>GIFTING_RELIABILITY=full</c> runs
/// the long part (the case counts docs/reliability.md quotes) from a fresh seed each time. The suites print their
/// seed, and <c>GIFTING_RELIABILITY_SEED</c> replays one.
/// </summary>
public static class ReliabilityRun
{
    public const string Switch = "GIFTING_RELIABILITY";
    public const string SeedVariable = "GIFTING_RELIABILITY_SEED";

    /// <summary>The fast part's seed.</summary>
    public const int FastSeed = 20261202;

    /// <summary>True when the long runs were asked for.</summary>
    public static bool Full =>
        string.Equals(Environment.GetEnvironmentVariable(Switch), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="fast"/> in the README's test command, <paramref name="full"/> in the long run.
    /// </summary>
    public static int Cases(int fast, int full) => Full ? full : fast;

    /// <summary>The seed to replay, when one was given; otherwise the fast part's, or a fresh one for the long part.
    /// </summary>
    public static int Seed()
    {
        var given = Environment.GetEnvironmentVariable(SeedVariable);
        if (int.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)) return seed;
        return Full ? Random.Shared.Next() : FastSeed;
    }
}
