using Azure.Messaging.ServiceBus;
using Gifting.Core.Messaging;
using Gifting.Infra.Messaging;
using Moq;

namespace Gifting.Integration.Tests.Messaging;

/// <summary>
/// The SDK adapter against a mocked sender: there is no Service Bus broker here, and a broker's faults do not come on
/// demand. Batches are the SDK's own, built by ServiceBusModelFactory with a size limit on the bodies.
/// </summary>
public sealed class ServiceBusMessagePublisherTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Publish_SetsMessageIdJsonBodyContentTypeAndScheduledTime()
    {
        var bus = new FakeBus(batchBodyBytes: 1024);

        await bus.Publisher.PublishAsync([
            OutgoingMessage.Json("order-chunks", "order-1:chunk-0", """{"chunk":0}""", scheduledEnqueueTime: At),
            OutgoingMessage.Json("order-chunks", "order-1:chunk-1", """{"chunk":1}"""),
        ], CancellationToken.None);

        var batch = Assert.Single(bus.Sends);
        var (first, second) = (batch[0], batch[1]);
        Assert.Equal("order-1:chunk-0", first.MessageId);
        Assert.Equal("""{"chunk":0}""", first.Body.ToString());
        Assert.Equal("application/json", first.ContentType);
        Assert.Equal(At, first.ScheduledEnqueueTime);
        Assert.Equal("order-1:chunk-1", second.MessageId);
        Assert.Equal(default, second.ScheduledEnqueueTime);
    }

    [Fact]
    public async Task Publish_WithinATrace_CarriesItsContextAsDiagnosticIdAndTraceparent()
    {
        var bus = new FakeBus(batchBodyBytes: 1024);
        using var activity = new System.Diagnostics.Activity("POST api/orders")
            .SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();

        await bus.Publisher.PublishAsync([OutgoingMessage.Json("order-chunks", "o-1-0-issue", "{}")],
            CancellationToken.None);

        var sent = Assert.Single(Assert.Single(bus.Sends));
        Assert.Equal(activity.Id, sent.ApplicationProperties[MessageTrace.DiagnosticId]);
        Assert.Equal(activity.Id, sent.ApplicationProperties[MessageTrace.TraceParent]);
        var parent = MessageTrace.Parent(name => sent.ApplicationProperties[name] as string);
        Assert.Equal(activity.TraceId, parent!.Value.TraceId);
    }

    [Fact]
    public async Task Publish_PastTheBatchSizeLimit_SendsSeveralBatchesInOrder()
    {
        var bus = new FakeBus(batchBodyBytes: 250);
        var messages = Enumerable.Range(0, 7)
            .Select(i => new OutgoingMessage("order-chunks", $"chunk-{i}", new byte[100]))
            .ToList();

        await bus.Publisher.PublishAsync(messages, CancellationToken.None);

        Assert.Equal([2, 2, 2, 1], bus.Sends.Select(s => s.Count));
        Assert.Equal(messages.Select(m => m.MessageId), bus.Sends.SelectMany(s => s).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Publish_ToSeveralQueues_KeepsOneSenderPerQueue()
    {
        var bus = new FakeBus(batchBodyBytes: 1024);

        for (var i = 0; i < 3; i++)
        {
            await bus.Publisher.PublishAsync([
                OutgoingMessage.Json("order-chunks", $"c-{i}", "{}"),
                OutgoingMessage.Json("gift-deliveries", $"d-{i}", "{}"),
            ], CancellationToken.None);
        }

        bus.Client.Verify(c => c.CreateSender("order-chunks"), Times.Once);
        bus.Client.Verify(c => c.CreateSender("gift-deliveries"), Times.Once);
        Assert.Equal(6, bus.Sends.Count);
    }

    [Fact]
    public async Task Publish_MessageTooLargeForAnEmptyBatch_FailsNamingItAfterSendingThoseBefore()
    {
        var bus = new FakeBus(batchBodyBytes: 100);

        var error = await Assert.ThrowsAsync<MessagePublishException>(() => bus.Publisher.PublishAsync([
            OutgoingMessage.Json("order-chunks", "small", "{}"),
            new OutgoingMessage("order-chunks", "huge", new byte[101]),
        ], CancellationToken.None));

        Assert.Contains("'huge'", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Equal(["small"], error.SentMessageIds);
        Assert.Equal(["small"], bus.Sends.SelectMany(s => s).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Publish_WhenTheSdkGivesUpOnATransientFault_ThrowsItToTheCallerNamingWhatWasSent()
    {
        var bus = new FakeBus(batchBodyBytes: 150);
        bus.FailSend(2, new ServiceBusException("The namespace is busy.", ServiceBusFailureReason.ServiceBusy));
        var messages = Enumerable.Range(0, 4)
            .Select(i => new OutgoingMessage("order-chunks", $"chunk-{i}", new byte[60]))
            .ToList();

        var error = await Assert.ThrowsAsync<MessagePublishException>(
            () => bus.Publisher.PublishAsync(messages, CancellationToken.None));

        Assert.True(error.IsTransient);
        var cause = Assert.IsType<ServiceBusException>(error.InnerException);
        Assert.Equal(ServiceBusFailureReason.ServiceBusy, cause.Reason);
        Assert.Equal(["chunk-0", "chunk-1"], error.SentMessageIds);
        Assert.Equal(2, bus.SendAttempts);
    }

    [Fact]
    public async Task Publish_WhenCancelled_ThrowsTheCancellationItself()
    {
        var bus = new FakeBus(batchBodyBytes: 150);
        bus.FailSend(1, new OperationCanceledException());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bus.Publisher.PublishAsync(
            [OutgoingMessage.Json("order-chunks", "c", "{}")], CancellationToken.None));
    }

    /// <summary>A mocked client and sender whose batches accept bodies up to a total size.</summary>
    private sealed class FakeBus
    {
        private readonly Dictionary<string, Mock<ServiceBusSender>> _senders = [];
        private readonly long _batchBodyBytes;
        private readonly Dictionary<int, Exception> _failures = [];

        public FakeBus(long batchBodyBytes)
        {
            _batchBodyBytes = batchBodyBytes;
            Client.Setup(c => c.CreateSender(It.IsAny<string>())).Returns((string queue) => Sender(queue).Object);
            Publisher = new ServiceBusMessagePublisher(Client.Object);
        }

        public Mock<ServiceBusClient> Client { get; } = new();
        public ServiceBusMessagePublisher Publisher { get; }
        public List<List<ServiceBusMessage>> Sends { get; } = [];
        public int SendAttempts { get; private set; }

        /// <summary>The <paramref name="attempt"/>th send (counting from 1) throws <paramref name="error"/>.</summary>
        public void FailSend(int attempt, Exception error) => _failures[attempt] = error;

        private Mock<ServiceBusSender> Sender(string queue)
        {
            if (_senders.TryGetValue(queue, out var existing)) return existing;
            var sender = new Mock<ServiceBusSender>();
            var stores =
                new Dictionary<ServiceBusMessageBatch, List<ServiceBusMessage>>(ReferenceEqualityComparer.Instance);
            sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>())).Returns(() =>
            {
                var store = new List<ServiceBusMessage>();
                var batch = ServiceBusModelFactory.ServiceBusMessageBatch(_batchBodyBytes, store, null,
                    m => store.Sum(s => s.Body.ToMemory().Length) + m.Body.ToMemory().Length <= _batchBodyBytes);
                stores[batch] = store;
                return new ValueTask<ServiceBusMessageBatch>(batch);
            });
            sender.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()))
                .Returns((ServiceBusMessageBatch batch, CancellationToken _) =>
                {
                    SendAttempts++;
                    if (_failures.TryGetValue(SendAttempts, out var error)) return Task.FromException(error);
                    Sends.Add([.. stores[batch]]);
                    return Task.CompletedTask;
                });
            _senders[queue] = sender;
            return sender;
        }
    }
}
