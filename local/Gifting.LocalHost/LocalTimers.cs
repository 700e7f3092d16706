using NCrontab;

namespace Gifting.LocalHost;

/// <summary>Runs timer functions on their NCRONTAB schedules, and on demand for the dev route.</summary>
public sealed class LocalTimers : IAsyncDisposable
{
    private readonly HandlerInvoker _invoker;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, FunctionDefinition> _timers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];

    public LocalTimers(
        IEnumerable<FunctionDefinition> functions, HandlerInvoker invoker, TimeProvider clock, bool runSchedules)
    {
        _invoker = invoker;
        _clock = clock;
        _timers = functions
            .Where(f => f.Trigger.Type == "timerTrigger")
            .ToDictionary(f => f.Name, StringComparer.Ordinal);
        if (!runSchedules) return;
        foreach (var timer in _timers.Values)
        {
            var schedule = TimerSchedule.Parse(timer.Trigger.Schedule!);
            _loops.Add(Task.Run(() => RunScheduleAsync(timer, schedule, _stopping.Token)));
        }
    }

    public bool Exists(string functionName) => _timers.ContainsKey(functionName);

    public Task<InvocationOutcome> RunNowAsync(string functionName, CancellationToken cancellationToken) =>
        _invoker.InvokeTimerAsync(_timers[functionName], isPastDue: false, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops.Select(l => l.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stopping.Dispose();
    }

    private async Task RunScheduleAsync(
        FunctionDefinition timer, CrontabSchedule schedule, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = schedule.NextAfter(_clock.GetUtcNow());
            var wait = next - _clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock, cancellationToken);
            // A failed run is not retried: the next occurrence covers it, as with the Functions host.
            await _invoker.InvokeTimerAsync(
                timer, isPastDue: _clock.GetUtcNow() - next > TimeSpan.FromMinutes(1), cancellationToken);
        }
    }
}
