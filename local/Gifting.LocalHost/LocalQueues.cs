using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;

namespace Gifting.LocalHost;

/// <summary>A message on a stand-in queue; <see cref="Properties"/> are its application properties.</summary>
public sealed record QueueMessage(
    string MessageId, string Body, int DeliveryCount, IReadOnlyDictionary<string, string>? Properties = null);

public sealed record DeadLetter(
    string MessageId, JsonElement Body, int DeliveryCount, string Reason, DateTimeOffset DeadLetteredAt);

/// <summary>
/// Service Bus queues as the app uses them, in memory: at-least-once delivery to the queue's trigger function,
/// redelivery after a failed invocation, and a dead-letter list after <see cref="MaxDeliveryCount"/> attempts
/// (Service Bus's default of 10). A queue exists when a function.json declares a <c>serviceBusTrigger</c> on it.
/// Sends carry Service Bus's duplicate detection by message id and its scheduled enqueue time; output bindings of a
/// function feed the queues they name, each message with a fresh id as the host gives them.
/// </summary>
public sealed class LocalQueues : IAsyncDisposable
{
    public const int MaxDeliveryCount = 10;

    /// <summary>Service Bus's default duplicate detection history.</summary>
    public static readonly TimeSpan DefaultDuplicateDetectionWindow = TimeSpan.FromMinutes(10);

    private readonly HandlerInvoker _invoker;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, FunctionDefinition> _consumers;
    private readonly Dictionary<string, DuplicateDetection> _duplicates;
    private readonly ConcurrentDictionary<string, Channel<QueueMessage>> _queues = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DeadLetter>> _deadLetters = new();
    private readonly ScheduledDelivery _scheduled;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _pumps = [];
    private long _inFlight;

    public LocalQueues(
        IEnumerable<FunctionDefinition> functions, HandlerInvoker invoker, TimeProvider clock,
        TimeSpan? duplicateDetectionWindow = null)
    {
        _invoker = invoker;
        _clock = clock;
        _scheduled = new ScheduledDelivery(clock);
        _consumers = functions
            .Where(f => f.Trigger.Type == "serviceBusTrigger")
            .ToDictionary(f => f.Trigger.QueueName!, StringComparer.Ordinal);
        var window = duplicateDetectionWindow ?? DefaultDuplicateDetectionWindow;
        _duplicates = _consumers.Keys.ToDictionary(q => q, _ => new DuplicateDetection(window, clock),
            StringComparer.Ordinal);
        foreach (var (queue, function) in _consumers)
            _pumps.Add(Task.Run(() => PumpAsync(queue, function, _stopping.Token)));
    }

    public IReadOnlyCollection<string> Names => _consumers.Keys;

    public bool Exists(string queue) => _consumers.ContainsKey(queue);

    /// <summary>True when no message is visible or being delivered; scheduled ones not yet due do not count.</summary>
    public bool IsIdle => Interlocked.Read(ref _inFlight) == 0;

    /// <summary>Messages sent for a later enqueue time that is not yet here.</summary>
    public int Scheduled => _scheduled.Pending;

    /// <summary>A message with a fresh id, as an output binding or the dev route sends one.</summary>
    public void Enqueue(string queue, string body) => Send(queue, Guid.NewGuid().ToString("N"), body, null);

    /// <summary>
    /// Sends as Service Bus does: a message whose id was accepted within the duplicate detection window is dropped
    /// (false), and one scheduled for later becomes visible to the trigger at that time.
    /// </summary>
    public bool Send(
        string queue, string messageId, string body, DateTimeOffset? scheduledEnqueueTime,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        if (!_duplicates.TryGetValue(queue, out var duplicates))
            throw new InvalidOperationException($"No function reads the queue '{queue}'.");
        if (!duplicates.TryAccept(messageId)) return false;
        var message = new QueueMessage(messageId, body, 1, properties);
        var due = (scheduledEnqueueTime ?? _clock.GetUtcNow()) - _clock.GetUtcNow();
        if (due <= TimeSpan.Zero) MakeVisible(queue, message);
        else _scheduled.Schedule(due, () => MakeVisible(queue, message));
        return true;
    }

    public IReadOnlyList<DeadLetter> DeadLetters(string queue) =>
        _deadLetters.TryGetValue(queue, out var letters) ? letters.ToList() : [];

    /// <summary>Waits until every queued message has been delivered or dead-lettered.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsIdle)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The local queues did not drain in time.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _scheduled.Dispose();
        await _stopping.CancelAsync();
        foreach (var queue in _queues.Values) queue.Writer.TryComplete();
        await Task.WhenAll(_pumps.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stopping.Dispose();
    }

    private Channel<QueueMessage> Queue(string name) =>
        _queues.GetOrAdd(name, _ => Channel.CreateUnbounded<QueueMessage>());

    private void MakeVisible(string queue, QueueMessage message)
    {
        Interlocked.Increment(ref _inFlight);
        Queue(queue).Writer.TryWrite(message);
    }

    private async Task PumpAsync(string queue, FunctionDefinition function, CancellationToken cancellationToken)
    {
        await foreach (var message in Queue(queue).Reader.ReadAllAsync(cancellationToken))
        {
            var outcome = await _invoker.InvokeQueueAsync(
                function, message.Body, message.MessageId, message.DeliveryCount, cancellationToken,
                message.Properties);
            // The host fails an invocation whose output binding names a queue that does not exist.
            if (outcome.Succeeded && function.QueueOutputs.FirstOrDefault(o =>
                    outcome.Outputs.ContainsKey(o.Name) && !Exists(o.QueueName!)) is { } lost)
                outcome = outcome with
                {
                    Succeeded = false, Detail = $"The output binding names the queue '{lost.QueueName}', which no "
                        + "function reads.",
                };
            if (outcome.Succeeded)
            {
                foreach (var output in function.QueueOutputs)
                {
                    if (outcome.Outputs.TryGetValue(output.Name, out var value))
                        EnqueueOutput(output.QueueName!, value);
                }
            }
            else if (message.DeliveryCount < MaxDeliveryCount)
            {
                Interlocked.Increment(ref _inFlight);
                Queue(queue).Writer.TryWrite(message with { DeliveryCount = message.DeliveryCount + 1 });
            }
            else
            {
                _deadLetters.GetOrAdd(queue, _ => new ConcurrentQueue<DeadLetter>()).Enqueue(new DeadLetter(
                    message.MessageId, ParseOrString(message.Body), message.DeliveryCount,
                    $"MaxDeliveryCountExceeded: {outcome.Detail}", _clock.GetUtcNow()));
            }
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>An output binding's value: one message, or an array of messages.</summary>
    private void EnqueueOutput(string queue, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray()) Enqueue(queue, item.GetRawText());
        }
        else if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            Enqueue(queue, value.GetRawText());
        }
    }

    private static JsonElement ParseOrString(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(body);
        }
    }
}
