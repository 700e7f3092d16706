namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>
/// Shrinks a failing history: drops ever smaller runs of steps while it still fails (delta debugging), then the
/// steps after the failing one, then makes each remaining step's arguments smaller. Every candidate is run in full
/// against the app with fresh accounts, so what is left is a history that fails on its own.
/// </summary>
internal sealed class Shrinker(HistoryRunner runner, int budget)
{
    /// <summary>Histories run while shrinking.</summary>
    public int Attempts { get; private set; }

    public async Task<(List<Step> Steps, HistoryResult Result)> ShrinkAsync(
        IReadOnlyList<Step> failing, HistoryResult result, bool liability)
    {
        var steps = failing.Take((result.FailedAt ?? failing.Count) + 1).ToList();
        for (var size = steps.Count / 2; size >= 1 && Attempts < budget; size /= 2)
        {
            for (var start = 0; start + size <= steps.Count && Attempts < budget;)
            {
                var candidate = steps.Take(start).Concat(steps.Skip(start + size)).ToList();
                if (candidate.Count > 0 && await TryAsync(candidate, liability) is { } found)
                    (steps, result) = (candidate.Take((found.FailedAt ?? candidate.Count) + 1).ToList(), found);
                else start += size;
            }
        }
        for (var i = 0; i < steps.Count && Attempts < budget; i++)
            foreach (var simpler in steps[i].Simpler())
            {
                var candidate = steps.ToList();
                candidate[i] = simpler;
                if (await TryAsync(candidate, liability) is not { } found) continue;
                (steps, result) = (candidate, found);
                break;
            }
        return (steps, result);
    }

    private async Task<HistoryResult?> TryAsync(List<Step> candidate, bool liability)
    {
        Attempts++;
        var result = await runner.RunAsync(candidate, liability);
        return result.Failed ? result : null;
    }
}
