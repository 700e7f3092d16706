using Gifting.Core.Messaging;

namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>
/// The <see cref="IMessagePublisher"/> port wrapped so that each send (one call, however many messages) is a
/// boundary of <see cref="CrashSeams"/>: dying before it sends nothing, dying after it leaves the messages sent.
/// </summary>
public sealed class CrashingPublisher(IMessagePublisher inner, CrashSeams seams) : IMessagePublisher
{
    public Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        seams.PassAsync($"send {string.Join(",", messages.Select(m => m.Queue).Distinct())}", async () =>
        {
            await inner.PublishAsync(messages, cancellationToken);
            return true;
        });
}
