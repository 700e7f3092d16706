using System.Text;
using Gifting.Core.Messaging;
using Gifting.Infra.Messaging;

namespace Gifting.LocalHost;

/// <summary>
/// The stand-in's side of <see cref="IMessagePublisher"/>: messages go onto its own queues with Service Bus's
/// semantics (duplicate detection by message id, scheduled enqueue time), as the SDK adapter sends them in Azure.
/// </summary>
public sealed class LocalMessagePublisher(LocalQueues queues) : IMessagePublisher
{
    public Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sent = new List<string>();
        foreach (var message in messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // As Service Bus answers a send to a missing entity: the queue must be declared by a function.json.
            if (!queues.Exists(message.Queue))
                throw new MessagePublishException(
                    $"No function reads the queue '{message.Queue}', so '{message.MessageId}' has nowhere to go.",
                    sent, isTransient: false, innerException: null);
            queues.Send(message.Queue, message.MessageId, Encoding.UTF8.GetString(message.Body.Span),
                message.ScheduledEnqueueTime, MessageTrace.Properties());
            sent.Add(message.MessageId);
        }
        return Task.CompletedTask;
    }
}
