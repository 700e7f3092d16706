namespace Gifting.Core.Messaging;

/// <summary>
/// Where rejected messages are recorded for operators; recording the same message again changes nothing.
/// </summary>
public interface IRejectedMessages
{
    Task RecordAsync(RejectedMessage message, CancellationToken cancellationToken);
}
