namespace Gifting.LocalHost;

/// <summary>
/// Holds scheduled messages until their enqueue time on timers of the given clock, so a test's fake clock decides
/// when they become visible; disposing drops the ones not yet due, as a stopped broker would never deliver them.
/// </summary>
public sealed class ScheduledDelivery(TimeProvider clock) : IDisposable
{
    private readonly HashSet<ITimer> _timers = [];

    public int Pending
    {
        get
        {
            lock (_timers) return _timers.Count;
        }
    }

    public void Schedule(TimeSpan due, Action release)
    {
        ITimer? timer = null;
        // The callback takes the same lock, so it cannot run before the timer is recorded.
        lock (_timers)
        {
            timer = clock.CreateTimer(_ =>
            {
                lock (_timers)
                {
                    if (timer is null || !_timers.Remove(timer)) return;
                }
                timer.Dispose();
                release();
            }, null, due, Timeout.InfiniteTimeSpan);
            _timers.Add(timer);
        }
    }

    public void Dispose()
    {
        lock (_timers)
        {
            foreach (var timer in _timers) timer.Dispose();
            _timers.Clear();
        }
    }
}
