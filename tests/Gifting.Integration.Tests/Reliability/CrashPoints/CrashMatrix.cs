using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>
/// Runs a path once cleanly to count its write boundaries N, then crashes it at boundaries of 1..N, before and
/// after each, restarts, replays what the platform retries and checks the end state. By default
/// <see cref="FastRuns"/> boundaries and modes sampled at random; in the full run every boundary in both modes,
/// then random boundaries, modes and inputs up to <see cref="FullRuns"/> runs.
/// </summary>
public static class CrashMatrix
{
    public const int FullRuns = 200;
    public const int FastRuns = 6;

    /// <summary>The figures of one path's matrix.</summary>
    public sealed record Result(int Cases, int Faults, List<string> Violations, int Boundaries);

    public static async Task<Result> RunAsync(CrashRig rig, CrashPath path, int seed, ITestOutputHelper output)
    {
        var random = new Random(seed);
        var violations = new List<string>();
        var clean = await path.Arrange(rig, random);
        rig.Seams.Count();
        await SurviveAsync(clean.Act);
        var boundaries = rig.Seams.Passed;
        output.WriteLine($"{path.Name}: {boundaries} boundaries: {string.Join(" | ", rig.Seams.Trail)}");
        rig.Seams.Revive();
        await FinishAsync(rig, clean, "clean", violations);
        if (boundaries == 0) violations.Add("the clean run passed no write boundary");

        var every = Enumerable.Range(1, boundaries)
            .SelectMany(k => new[] { (K: k, Mode: CrashMode.Before), (K: k, Mode: CrashMode.After) }).ToList();
        // The full run covers every boundary in both modes, then random ones up to its count; the default run
        // samples distinct boundaries and modes, a different sample for every seed.
        var plan = ReliabilityRun.Full
            ? every.Concat(Enumerable.Range(0, Math.Max(0, FullRuns - every.Count))
                .Select(_ => (K: random.Next(1, boundaries + 1), Mode: (CrashMode)random.Next(2)))).ToList()
            : every.OrderBy(_ => random.Next()).Take(FastRuns).ToList();
        var faults = 0;
        foreach (var (k, mode) in plan)
        {
            var run = await path.Arrange(rig, random);
            rig.Seams.Arm(k, mode);
            await SurviveAsync(run.Act);
            var at = rig.Seams.Dead ? rig.Seams.Trail[^1] : "nowhere (fewer boundaries this time)";
            if (rig.Seams.Dead) faults++;
            await rig.RestartAsync();
            await FinishAsync(rig, run, $"crash {mode.ToString().ToLowerInvariant()} {k} ({at})", violations);
        }
        foreach (var v in violations.Take(20)) output.WriteLine($"{path.Name}: {v}");
        return new Result(plan.Count + 1, faults, violations, boundaries);
    }

    /// <summary>The step may fail any way a dead process makes it fail; its answer is lost either way.</summary>
    private static async Task SurviveAsync(Func<Task> act)
    {
        try
        {
            await act();
        }
        catch (Exception e) when (e is ProcessDiedException or HttpRequestException or InvalidOperationException
                                      or Microsoft.Azure.Cosmos.CosmosException or AggregateException)
        {
            // A dead process answers nothing: what the step did is what the check finds.
        }
    }

    private static async Task FinishAsync(CrashRig rig, CrashCase run, string label, List<string> violations)
    {
        try
        {
            await run.Recover();
            violations.AddRange((await run.Check()).Select(v => $"{label}: {v}"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            violations.Add($"{label}: recovery failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
