namespace Gifting.Core.Messaging;

/// <summary>
/// Puts messages on queues. The caller writes its state (and its outbox entry) first and publishes second, so a
/// failure here loses nothing: what was not confirmed sent stays for the sweeper to send again.
/// </summary>
public interface IMessagePublisher
{
    /// <summary>
    /// Sends every message, in order within each queue. Completes only when all of them were accepted; otherwise
    /// throws <see cref="MessagePublishException"/>, which names the messages that were accepted before the failure.
    /// </summary>
    Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);
}
