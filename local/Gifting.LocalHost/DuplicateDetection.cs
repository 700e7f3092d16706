namespace Gifting.LocalHost;

/// <summary>
/// Service Bus's duplicate detection for one queue: a message whose id was accepted within the window is dropped
/// (and the send still succeeds); a dropped duplicate does not extend the window of the first.
/// </summary>
public sealed class DuplicateDetection(TimeSpan window, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _acceptedAt = new(StringComparer.Ordinal);
    private readonly Queue<(string MessageId, DateTimeOffset At)> _byAge = new();

    /// <summary>True when the message is new within the window and now counts as accepted.</summary>
    public bool TryAccept(string messageId)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Forget(now);
            if (_acceptedAt.ContainsKey(messageId)) return false;
            _acceptedAt[messageId] = now;
            _byAge.Enqueue((messageId, now));
            return true;
        }
    }

    /// <summary>Drops ids older than the window, oldest first, so the history stays as small as the window.</summary>
    private void Forget(DateTimeOffset now)
    {
        while (_byAge.TryPeek(out var oldest) && now - oldest.At >= window)
        {
            _byAge.Dequeue();
            if (_acceptedAt.TryGetValue(oldest.MessageId, out var at) && at == oldest.At)
                _acceptedAt.Remove(oldest.MessageId);
        }
    }
}
