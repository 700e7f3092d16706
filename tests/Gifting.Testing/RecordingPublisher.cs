using Gifting.Core.Messaging;

namespace Gifting.Testing;

/// <summary>
/// A publisher that keeps what it was given, in order, so a test can deliver the messages itself, twice or in another
/// order; <see cref="FailNext"/> makes the next sends fail as a broker outage would.
/// </summary>
public sealed class RecordingPublisher : IMessagePublisher
{
    private readonly Lock _gate = new();
    private readonly List<OutgoingMessage> _sent = [];
    private int _failures;

    public IReadOnlyList<OutgoingMessage> Sent
    {
        get
        {
            lock (_gate) return [.. _sent];
        }
    }

    /// <summary>The next <paramref name="count"/> sends fail, transiently, sending nothing.</summary>
    public void FailNext(int count = 1)
    {
        lock (_gate) _failures = count;
    }

    /// <summary>Everything sent so far, forgotten here.</summary>
    public IReadOnlyList<OutgoingMessage> Drain()
    {
        lock (_gate)
        {
            var sent = _sent.ToList();
            _sent.Clear();
            return sent;
        }
    }

    public Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_gate)
        {
            if (_failures > 0)
            {
                _failures--;
                throw new MessagePublishException("The broker is unavailable.", [], isTransient: true, null);
            }
            _sent.AddRange(messages);
        }
        return Task.CompletedTask;
    }
}
