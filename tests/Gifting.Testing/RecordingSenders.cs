using Gifting.Core.Delivery;

namespace Gifting.Testing;

/// <summary>
/// Email and SMS senders that keep every message they were given, with its delivery id, and answer what a test
/// scripted (<see cref="Answer"/>: sent unless told otherwise), as a provider would.
/// </summary>
public sealed class RecordingSenders : IEmailSender, ISmsSender
{
    private readonly Lock _gate = new();
    private readonly List<(string DeliveryId, object Message)> _sent = [];
    private readonly Queue<SendResult> _answers = new();

    public IReadOnlyList<(string DeliveryId, object Message)> Sent
    {
        get
        {
            lock (_gate) return [.. _sent];
        }
    }

    /// <summary>The next sends answer these, in order; after them, every send is sent.</summary>
    public void Answer(params SendResult[] answers)
    {
        lock (_gate)
        {
            foreach (var answer in answers) _answers.Enqueue(answer);
        }
    }

    public Task<SendResult> SendAsync(
        EmailMessage message, string deliveryId, DateTimeOffset firstSent, CancellationToken cancellationToken) =>
        Task.FromResult(Record(deliveryId, message));

    public Task<SendResult> SendAsync(
        SmsMessage message, string deliveryId, DateTimeOffset firstSent, CancellationToken cancellationToken) =>
        Task.FromResult(Record(deliveryId, message));

    private SendResult Record(string deliveryId, object message)
    {
        lock (_gate)
        {
            var answer = _answers.Count > 0 ? _answers.Dequeue() : new SendResult(SendOutcome.Sent);
            if (answer.Outcome != SendOutcome.Transient) _sent.Add((deliveryId, message));
            return answer;
        }
    }
}
