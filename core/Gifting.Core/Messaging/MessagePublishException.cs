namespace Gifting.Core.Messaging;

/// <summary>
/// Not every message was sent. <see cref="SentMessageIds"/> were accepted before the failure; the rest were not, and
/// stay with the caller's outbox for the sweeper. <see cref="IsTransient"/> says the transport expects a later try to
/// succeed; a permanent failure (a message too large for any batch) will fail again and needs a person.
/// </summary>
public sealed class MessagePublishException : Exception
{
    public MessagePublishException()
        : this("The messages could not be sent.", [], isTransient: false, innerException: null)
    {
    }

    public MessagePublishException(string message)
        : this(message, [], isTransient: false, innerException: null)
    {
    }

    public MessagePublishException(string message, Exception innerException)
        : this(message, [], isTransient: false, innerException)
    {
    }

    public MessagePublishException(
        string message, IReadOnlyList<string> sentMessageIds, bool isTransient, Exception? innerException)
        : base(message, innerException)
    {
        SentMessageIds = sentMessageIds;
        IsTransient = isTransient;
    }

    public IReadOnlyList<string> SentMessageIds { get; }

    public bool IsTransient { get; }
}
