using Azure.Messaging.ServiceBus;
using Gifting.Core.Messaging;

namespace Gifting.Integration.Tests.Reliability.Outages;

/// <summary>
/// Service Bus failing now and then, as the port's adapter surfaces it: a seeded share of sends throw
/// <see cref="MessagePublishException"/> marked transient around the SDK's own transient
/// <see cref="ServiceBusException"/> (<c>ServiceBusy</c>), some after part of the list went out (the ids accepted
/// are named, as a batch that failed midway names them).
/// </summary>
public sealed class FlakyPublisher(Func<IMessagePublisher> inner, int seed) : IMessagePublisher
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private volatile bool _on;
    private double _rate;
    private long _failed;

    public long Injected => Interlocked.Read(ref _failed);

    public void Start(double rate)
    {
        lock (_gate) _rate = rate;
        _on = true;
    }

    public void Stop() => _on = false;

    public async Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        int? keep = null;
        if (_on)
            lock (_gate)
                if (_random.NextDouble() < _rate) keep = _random.Next(messages.Count + 1) / 2;
        if (keep is not { } accepted)
        {
            await inner().PublishAsync(messages, cancellationToken);
            return;
        }
        Interlocked.Increment(ref _failed);
        var sent = messages.Take(accepted).ToList();
        if (sent.Count > 0) await inner().PublishAsync(sent, cancellationToken);
        throw new MessagePublishException("Service Bus is busy.", sent.Select(m => m.MessageId).ToList(),
            isTransient: true,
            new ServiceBusException("The messaging entity is busy.", ServiceBusFailureReason.ServiceBusy));
    }
}
