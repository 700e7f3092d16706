namespace Gifting.Testing;

/// <summary>
/// A clock that moves only when told to. Microsoft.Extensions.TimeProvider.Testing does not restore from the feed
/// here, and the use cases need nothing but the current time.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    /// <summary>A fixed start well away from any window boundary a test might care about.</summary>
    public FakeTimeProvider() : this(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate) _now += by;
    }

    public void SetUtcNow(DateTimeOffset now)
    {
        lock (_gate)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(now, _now);
            _now = now;
        }
    }
}
