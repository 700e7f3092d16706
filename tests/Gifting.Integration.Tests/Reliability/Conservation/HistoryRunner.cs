namespace Gifting.Integration.Tests.Reliability.Conservation;

/// <summary>Runs a history from a clean start (fresh accounts and orgs, the clock at real time), checking it.</summary>
internal sealed class HistoryRunner(ConservationApp app, ModelBug bug = ModelBug.None)
{
    /// <summary>Histories run, shrinking attempts included.</summary>
    public int Runs { get; private set; }

    public async Task<HistoryResult> RunAsync(IReadOnlyList<Step> steps, bool liability)
    {
        Runs++;
        app.Rewind();
        var run = new HistoryRun(app, bug) { Start = app.Clock.GetUtcNow() };
        for (var i = 0; i < steps.Count; i++)
        {
            IReadOnlyList<string> problems;
            try
            {
                problems = await run.ExecAsync(steps[i]);
                if (problems.Count == 0) problems = await run.CheckAsync(i % 8 == 7 || i == steps.Count - 1);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The type and message only: a message never carries a response body here.
                problems = [$"{e.GetType().Name}: {e.Message}"];
            }
            if (problems.Count > 0) return new HistoryResult(i, problems, run.ConcurrentGroups);
        }
        if (liability)
        {
            var differences = await LiabilityScan.DifferencesAsync(app);
            if (differences is not null) return new HistoryResult(steps.Count, [differences], run.ConcurrentGroups);
        }
        return new HistoryResult(null, [], run.ConcurrentGroups);
    }
}
