using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Gifting.Core.Messaging;

namespace Gifting.Infra.Messaging;

/// <summary>
/// Publishes through the Service Bus SDK: one sender per queue, kept for the life of the client, and as few sends as
/// the batch size limit allows. The SDK retries transient faults itself; a failure it gives up on is thrown to the
/// caller, whose outbox entry then stays for the sweeper.
/// </summary>
public sealed class ServiceBusMessagePublisher(ServiceBusClient client) : IMessagePublisher
{
    public const string JsonContentType = "application/json";

    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    public async Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sent = new List<string>();
        foreach (var queue in messages.GroupBy(m => m.Queue, StringComparer.Ordinal))
        {
            var sender = _senders.GetOrAdd(queue.Key, client.CreateSender);
            try
            {
                await SendInBatchesAsync(sender, queue.ToList(), sent, cancellationToken);
            }
            catch (Exception e) when (e is not (MessagePublishException or OperationCanceledException))
            {
                throw new MessagePublishException(
                    $"Sending to '{queue.Key}' failed after {sent.Count} of {messages.Count} messages were sent.",
                    sent, e is ServiceBusException { IsTransient: true }, e);
            }
        }
    }

    private static async Task SendInBatchesAsync(
        ServiceBusSender sender, List<OutgoingMessage> messages, List<string> sent,
        CancellationToken cancellationToken)
    {
        var batch = await sender.CreateMessageBatchAsync(cancellationToken);
        try
        {
            var inBatch = new List<string>();
            foreach (var message in messages)
            {
                var sdkMessage = ToServiceBus(message);
                if (batch.TryAddMessage(sdkMessage))
                {
                    inBatch.Add(message.MessageId);
                    continue;
                }
                if (inBatch.Count == 0) throw TooLarge(message, sent, batch.MaxSizeInBytes);
                await SendAsync(sender, batch, inBatch, sent, cancellationToken);
                batch.Dispose();
                batch = await sender.CreateMessageBatchAsync(cancellationToken);
                if (!batch.TryAddMessage(sdkMessage)) throw TooLarge(message, sent, batch.MaxSizeInBytes);
                inBatch.Add(message.MessageId);
            }
            if (inBatch.Count > 0) await SendAsync(sender, batch, inBatch, sent, cancellationToken);
        }
        finally
        {
            batch.Dispose();
        }
    }

    private static async Task SendAsync(
        ServiceBusSender sender, ServiceBusMessageBatch batch, List<string> inBatch, List<string> sent,
        CancellationToken cancellationToken)
    {
        await sender.SendMessagesAsync(batch, cancellationToken);
        sent.AddRange(inBatch);
        inBatch.Clear();
    }

    private static ServiceBusMessage ToServiceBus(OutgoingMessage message)
    {
        var sdkMessage = new ServiceBusMessage(message.Body)
        {
            MessageId = message.MessageId,
            ContentType = JsonContentType,
        };
        if (message.ScheduledEnqueueTime is { } at) sdkMessage.ScheduledEnqueueTime = at;
        foreach (var (name, value) in MessageTrace.Properties()) sdkMessage.ApplicationProperties[name] = value;
        return sdkMessage;
    }

    private static MessagePublishException TooLarge(OutgoingMessage message, List<string> sent, long maxBytes) =>
        new($"The message '{message.MessageId}' for '{message.Queue}' ({message.Body.Length} bytes of body) does not "
            + $"fit in an empty batch of at most {maxBytes} bytes; it can never be sent as it is.",
            sent, isTransient: false, innerException: null);
}
