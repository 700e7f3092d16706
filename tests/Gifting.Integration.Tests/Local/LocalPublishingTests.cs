using System.Net;
using System.Text.Json;
using Gifting.Core.Messaging;
using Gifting.LocalHost;
using FakeClock = Microsoft.Extensions.Time.Testing.FakeTimeProvider;

namespace Gifting.Integration.Tests.Local;

/// <summary>
/// The stand-in's publisher plays Service Bus for a queue declared by one function.json: duplicate detection by
/// message id within a window, scheduled enqueue time on the stand-in's clock, redelivery and dead letters.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class LocalPublishingTests(CosmosFixture cosmos) : IDisposable
{
    private const string Queue = "order-chunks";
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _functions = Directory.CreateTempSubdirectory("functions-");
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task DuplicateMessageId_WithinTheWindow_IsDropped_AndAfterTheWindowIsAcceptedAgain()
    {
        var handler = new ScriptedHandler(failuresPerMessage: 0);
        await using var queues = Queues(handler, duplicateDetectionWindow: TimeSpan.FromMinutes(10));
        var publisher = new LocalMessagePublisher(queues);

        await publisher.PublishAsync([Chunk("order-1:0")], CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(9));
        await publisher.PublishAsync([Chunk("order-1:0"), Chunk("order-1:1")], CancellationToken.None);
        await queues.DrainAsync(Drain);
        var withinWindow = handler.Deliveries.Select(d => d.MessageId).Order(StringComparer.Ordinal).ToList();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await publisher.PublishAsync([Chunk("order-1:0")], CancellationToken.None);
        await queues.DrainAsync(Drain);

        Assert.Equal(["order-1:0", "order-1:1"], withinWindow);
        Assert.Equal(2, handler.Deliveries.Count(d => d.MessageId == "order-1:0"));
    }

    [Fact]
    public async Task ScheduledMessage_IsNotDeliveredBeforeItsTime_AndIsDeliveredAfter()
    {
        var handler = new ScriptedHandler(failuresPerMessage: 0);
        await using var queues = Queues(handler);
        var publisher = new LocalMessagePublisher(queues);
        var at = _clock.GetUtcNow().AddMinutes(5);

        await publisher.PublishAsync([Chunk("later", at), Chunk("now")], CancellationToken.None);
        await queues.DrainAsync(Drain);
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await queues.DrainAsync(Drain);
        var beforeItsTime = handler.Deliveries.Select(d => d.MessageId).ToList();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await queues.DrainAsync(Drain);

        Assert.Equal(["now"], beforeItsTime);
        Assert.Equal(["now", "later"], handler.Deliveries.Select(d => d.MessageId));
        Assert.Equal(0, queues.Scheduled);
    }

    [Fact]
    public async Task HandlerFailure_IsRedeliveredUnderTheSameMessageIdUntilItSucceeds()
    {
        var handler = new ScriptedHandler(failuresPerMessage: 2);
        await using var queues = Queues(handler);

        await new LocalMessagePublisher(queues).PublishAsync([Chunk("order-1:0")], CancellationToken.None);
        await queues.DrainAsync(Drain);

        Assert.Equal([("order-1:0", 1), ("order-1:0", 2), ("order-1:0", 3)], handler.Deliveries);
        Assert.Empty(queues.DeadLetters(Queue));
    }

    [Fact]
    public async Task HandlerThatKeepsFailing_DeadLettersThePublishedMessageUnderItsId()
    {
        var handler = new ScriptedHandler(failuresPerMessage: int.MaxValue);
        await using var queues = Queues(handler);

        await new LocalMessagePublisher(queues).PublishAsync([Chunk("order-1:0")], CancellationToken.None);
        await queues.DrainAsync(Drain);

        var letter = Assert.Single(queues.DeadLetters(Queue));
        Assert.Equal("order-1:0", letter.MessageId);
        Assert.Equal(LocalQueues.MaxDeliveryCount, letter.DeliveryCount);
        Assert.Equal("order-1:0", letter.Body.GetProperty("chunk").GetString());
        Assert.Equal(LocalQueues.MaxDeliveryCount, handler.Deliveries.Count);
    }

    [Fact]
    public async Task Publish_ToAQueueNoFunctionReads_FailsNamingItAfterSendingThoseBefore()
    {
        await using var queues = Queues(new ScriptedHandler(failuresPerMessage: 0));

        var error = await Assert.ThrowsAsync<MessagePublishException>(() =>
            new LocalMessagePublisher(queues).PublishAsync(
                [Chunk("first"), OutgoingMessage.Json("no-such-queue", "second", "{}")], CancellationToken.None));

        Assert.Contains("'no-such-queue'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["first"], error.SentMessageIds);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task OutputBindingToAQueueNoFunctionReads_FailsTheInvocationUntilItIsDeadLettered()
    {
        var handler = new ScriptedHandler(failuresPerMessage: 0, outputs: """{"next":{"a":1}}""");
        await using var queues = Queues(handler, output: "nowhere");

        queues.Enqueue(Queue, "{}");
        await queues.DrainAsync(Drain);

        Assert.Contains("'nowhere'", Assert.Single(queues.DeadLetters(Queue)).Reason, StringComparison.Ordinal);
        Assert.Equal(LocalQueues.MaxDeliveryCount, handler.Deliveries.Count);
    }

    [Fact]
    public async Task StandIn_GivesTheHandlerAPublisherOntoItsOwnQueues()
    {
        await using var standIn = await LocalStandIn.StartAsync(
            0, cosmos.Endpoint, cosmos.Settings(), runSchedules: false, CancellationToken.None);
        var publisher = standIn.HandlerServices.GetRequiredService<IMessagePublisher>();
        var refundId = Api.NewId("refund");
        var refund = JsonSerializer.Serialize(new
        {
            refundId, accountId = Api.NewId("nobody"), orderId = "o-1",
            amount = new { amount = 400, currency = "USD" }, origin = "external",
        });

        await publisher.PublishAsync([OutgoingMessage.Json("refunds", "refund:" + refundId, refund)],
            CancellationToken.None);
        await standIn.Queues.DrainAsync(Drain);

        // The refund names no account, so the trigger records it as rejected: it reached the trigger.
        Assert.IsType<LocalMessagePublisher>(publisher);
        Assert.NotEmpty(await cosmos.RejectionsMentioningAsync(refundId));
    }

    public void Dispose() => _functions.Delete(recursive: true);

    private LocalQueues Queues(
        ScriptedHandler handler, TimeSpan? duplicateDetectionWindow = null, string? output = null)
    {
        // Declaring a queue with its trigger is one function.json; nothing else names the queue.
        var trigger = $$"""{"type":"serviceBusTrigger","direction":"in","name":"message","queueName":"{{Queue}}"}""";
        var next = $$"""{"type":"serviceBus","direction":"out","name":"next","queueName":"{{output}}"}""";
        Directory.CreateDirectory(Path.Combine(_functions.FullName, "ProcessChunk"));
        File.WriteAllText(Path.Combine(_functions.FullName, "ProcessChunk", "function.json"),
            $$"""{"bindings":[{{trigger}}{{(output is null ? "" : "," + next)}}]}""");
        var client = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:1/") };
        return new LocalQueues(FunctionCatalog.Load(_functions.FullName), new HandlerInvoker(client, _clock), _clock,
            duplicateDetectionWindow);
    }

    private static OutgoingMessage Chunk(string id, DateTimeOffset? at = null) =>
        OutgoingMessage.Json(Queue, id, JsonSerializer.Serialize(new { chunk = id }), at);

    /// <summary>
    /// Answers each message's first <c>failuresPerMessage</c> deliveries with 500, standing in for a handler whose
    /// invocation fails, which no real component does on demand, and the rest with 200 and the given outputs; records
    /// every delivery's id and count.
    /// </summary>
    private sealed class ScriptedHandler(int failuresPerMessage, string outputs = "{}") : HttpMessageHandler
    {
        private readonly List<(string MessageId, int DeliveryCount)> _deliveries = [];

        public List<(string MessageId, int DeliveryCount)> Deliveries
        {
            get
            {
                lock (_deliveries) return [.. _deliveries];
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var payload = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            var metadata = payload.RootElement.GetProperty("Metadata");
            var id = JsonSerializer.Deserialize<string>(metadata.GetProperty("MessageId").GetString()!)!;
            var count = int.Parse(metadata.GetProperty("DeliveryCount").GetString()!,
                System.Globalization.CultureInfo.InvariantCulture);
            lock (_deliveries) _deliveries.Add((id, count));
            return new HttpResponseMessage(count <= failuresPerMessage
                ? HttpStatusCode.InternalServerError
                : HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"Outputs":{{outputs}},"Logs":[],"ReturnValue":null}"""),
            };
        }
    }
}
