using System.Diagnostics;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// Model-based conservation through the real API and triggers against the emulator: random histories of issues,
/// redemptions (some racing), debits (some in concurrent bursts), refunds by message, grants, expiry with the clock
/// moved, adjustments, reversals, reloads, funding, orders issued, delivered, redeemed by link and cancelled, and
/// replays under the same key. After every step each balance equals the model's and its own ledger's, and value is
/// conserved (<see cref="ConservationCheck"/>); after each history the liability report equals a full scan. A
/// failing history is shrunk and printed by step, with its seed.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class ConservationTests(CosmosFixture cosmos, ITestOutputHelper output) : IAsyncLifetime
{
    private ConservationApp _app = null!;

    public async Task InitializeAsync() => _app = await ConservationApp.StartAsync(cosmos);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Value_IsConservedAfterEveryStep_OfRandomHistoriesThroughTheApi()
    {
        var seed = ReliabilityRun.Seed();
        var histories = ReliabilityRun.Cases(4, 100);
        var length = ReliabilityRun.Cases(25, 50);
        var runner = new HistoryRunner(_app);
        var clock = Stopwatch.StartNew();
        var (groups, steps, violations, ran) = (0L, 0L, 0L, 0);
        string? report = null;
        for (var h = 0; h < histories && report is null; h++)
        {
            var history = Histories.Generate(seed + h, length);
            var result = await runner.RunAsync(history, liability: true);
            ran++;
            groups += result.ConcurrentGroups;
            steps += Math.Min(history.Length, (result.FailedAt ?? history.Length) + 1);
            if (!result.Failed) continue;
            violations++;
            var shrinker = new Shrinker(runner, budget: 80);
            var (shrunk, last) = await shrinker.ShrinkAsync(history, result, result.FailedAt == history.Length);
            report = Print(seed + h, history.Length, result, shrunk, last, shrinker.Attempts);
        }
        output.WriteLine($"{ran} histories of {length} steps, {steps} steps, {groups} concurrent groups, "
            + $"{clock.Elapsed.TotalSeconds:F0} s");
        ReliabilityReport.Record(output, "conservation",
            $"model-based histories through the API ({length} steps each, {steps} steps in all)",
            ran, groups, violations, seed);
        Assert.True(report is null, report);
    }

    [Fact]
    public async Task Checker_FindsAModelThatCreditsReloadsTwice_AndShrinksItToAShortHistory()
    {
        var seed = ReliabilityRun.Seed();
        var history = Histories.Generate(seed, 30).ToList();
        var random = new Random(seed);
        history.Insert(random.Next(10, 30), new Step(Op.Reload, random.Next(3), random.Next(10), 0, false));
        var runner = new HistoryRunner(_app, ModelBug.ReloadCreditedTwice);

        var result = await runner.RunAsync(history, liability: false);
        var shrinker = new Shrinker(runner, budget: 40);
        var (shrunk, last) = result.Failed
            ? await shrinker.ShrinkAsync(history, result, liability: false)
            : ([], result);

        output.WriteLine(Print(seed, history.Count, result, shrunk, last, shrinker.Attempts));
        var caught = result.Failed && last.Failed && shrunk.Count <= 2 && shrunk.Any(s => s.Op == Op.Reload);
        ReliabilityReport.Record(output, "conservation",
            "planted model bug (reload credited twice) found and shrunk", 1 + shrinker.Attempts, 1, caught ? 0 : 1,
            seed);
        Assert.True(result.Failed, $"seed {seed}: the planted bug went unnoticed");
        Assert.True(last.Failed, $"seed {seed}: the shrunk history does not fail");
        Assert.True(shrunk.Count <= 2, $"seed {seed}: shrunk only to {shrunk.Count} steps");
        Assert.Contains(shrunk, s => s.Op == Op.Reload);
    }

    private static string Print(
        int seed, int length, HistoryResult first, List<Step> shrunk, HistoryResult last, int attempts) =>
        $"History of seed {seed} ({length} steps) failed at step {first.FailedAt}: "
        + string.Join("; ", first.Problems) + Environment.NewLine
        + $"Shrunk in {attempts} runs to {shrunk.Count} steps, failing at step {last.FailedAt}: "
        + string.Join("; ", last.Problems) + Environment.NewLine
        + string.Join(Environment.NewLine, shrunk.Select((s, i) => $"  {i}: {s}"));
}
