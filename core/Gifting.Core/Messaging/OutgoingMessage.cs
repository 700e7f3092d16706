using System.Text;

namespace Gifting.Core.Messaging;

/// <summary>
/// A message to put on a queue. <see cref="MessageId"/> is derived from what the message does (the chunk, the
/// delivery), so a re-send after a crash carries the same id and the queue's duplicate detection can drop it;
/// consumers stay idempotent by the ids in the body all the same.
/// </summary>
public sealed record OutgoingMessage
{
    /// <summary>Service Bus accepts message ids of at most 128 characters.</summary>
    public const int MaxMessageIdLength = 128;

    public OutgoingMessage(
        string queue, string messageId, ReadOnlyMemory<byte> body, DateTimeOffset? scheduledEnqueueTime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        if (messageId.Length > MaxMessageIdLength)
            throw new ArgumentException(
                $"A message id is at most {MaxMessageIdLength} characters; '{messageId}' is longer.",
                nameof(messageId));
        Queue = queue;
        MessageId = messageId;
        Body = body;
        ScheduledEnqueueTime = scheduledEnqueueTime;
    }

    public string Queue { get; }

    public string MessageId { get; }

    /// <summary>The JSON body, UTF-8 encoded.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>When the message becomes visible to its consumer; null for at once.</summary>
    public DateTimeOffset? ScheduledEnqueueTime { get; }

    public static OutgoingMessage Json(
        string queue, string messageId, string json, DateTimeOffset? scheduledEnqueueTime = null) =>
        new(queue, messageId, Encoding.UTF8.GetBytes(json), scheduledEnqueueTime);
}
