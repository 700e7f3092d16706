namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>Where, around the boundary it names, a simulated process dies.</summary>
public enum CrashMode
{
    /// <summary>The write, send or call never leaves the process.</summary>
    Before,

    /// <summary>The write, send or call took effect; the process dies before it sees the answer.</summary>
    After,
}

/// <summary>
/// The one switch every crash seam of an app instance shares. While counting, each write boundary that passes a seam
/// (a Cosmos DB document write, a Service Bus send, an ACS call) gets the next number; armed at boundary k, the seam
/// that meets k kills the process there, and from then on every request of the instance through any seam fails, as
/// it would in a dead process. <see cref="Revive"/> is the restart.
/// </summary>
public sealed class CrashSeams
{
    private readonly Lock _gate = new();
    private bool _counting;
    private int _passed;
    private int _crashAt;
    private CrashMode _mode;
    private volatile bool _dead;

    /// <summary>Boundaries passed since counting began.</summary>
    public int Passed
    {
        get
        {
            lock (_gate) return _passed;
        }
    }

    /// <summary>True once the armed boundary was reached: the instance is dead until revived.</summary>
    public bool Dead => _dead;

    /// <summary>What each boundary was, in the order passed (for the test's output when a case fails).</summary>
    public List<string> Trail { get; } = [];

    /// <summary>Counts boundaries from now on, crashing nowhere.</summary>
    public void Count() => Start(0, CrashMode.Before);

    /// <summary>Counts boundaries from now on and kills the process at boundary <paramref name="k"/>.</summary>
    public void Arm(int k, CrashMode mode) => Start(k, mode);

    /// <summary>Stops counting and brings the instance back: a restart over the same database.</summary>
    public void Revive()
    {
        lock (_gate)
        {
            _counting = false;
            _crashAt = 0;
            _dead = false;
        }
    }

    /// <summary>Throws when the process is dead: a dead process answers nothing.</summary>
    public void ThrowIfDead()
    {
        if (_dead) throw new ProcessDiedException("The process is dead.");
    }

    /// <summary>
    /// Runs <paramref name="boundary"/> as boundary number next, dying before or after it when that is the armed one.
    /// </summary>
    /// <param name="what">What the boundary is, for the trail.</param>
    /// <param name="boundary">The write, send or call itself.</param>
    public async Task<T> PassAsync<T>(string what, Func<Task<T>> boundary)
    {
        ThrowIfDead();
        var (crash, mode) = Next(what);
        if (crash && mode == CrashMode.Before) Die(what);
        var result = await boundary();
        if (crash && mode == CrashMode.After) Die(what);
        return result;
    }

    private void Start(int k, CrashMode mode)
    {
        lock (_gate)
        {
            _counting = true;
            _passed = 0;
            _crashAt = k;
            _mode = mode;
            _dead = false;
            Trail.Clear();
        }
    }

    private (bool Crash, CrashMode Mode) Next(string what)
    {
        lock (_gate)
        {
            if (!_counting) return (false, _mode);
            _passed++;
            Trail.Add(what);
            return (_passed == _crashAt, _mode);
        }
    }

    private void Die(string what)
    {
        _dead = true;
        throw new ProcessDiedException($"The process died at {what}.");
    }
}

/// <summary>What a seam throws in a dead process: nothing after it reaches the outside world.</summary>
public sealed class ProcessDiedException(string message) : Exception(message);
