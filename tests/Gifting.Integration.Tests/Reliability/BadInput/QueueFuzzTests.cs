using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Gifting.Core.Messaging;
using Gifting.Testing;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>
/// Bad bodies for every queue the app consumes (the order system's <c>refunds</c>, and its own <c>order-chunks</c>
/// and <c>gift-deliveries</c>), delivered through the trigger functions in every shape the host carries a body. Each
/// must be answered 200 (a non-2xx would loop through redelivery), and one the trigger rejects must write nothing but
/// its rejected-message record.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class QueueFuzzTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly WriteRecorder _writes = new();
    private readonly GiftingFactory _app;
    private readonly HttpClient _handler;

    public QueueFuzzTests(CosmosFixture cosmos, ITestOutputHelper output)
    {
        _output = output;
        _app = new GiftingFactory(cosmos, s =>
        {
            WriteRecorder.Install(s, cosmos, _writes);
            s.AddSingleton<IMessagePublisher>(new RecordingPublisher());
        });
        _handler = _app.CreateClient();
    }

    public void Dispose()
    {
        _handler.Dispose();
        _app.Dispose();
    }

    public static TheoryData<string> Queues => ["refunds", "order-chunks", "gift-deliveries"];

    [Theory]
    [MemberData(nameof(Queues))]
    public async Task EveryQueue_AnswersBadBodiesWith200_AndARejectionWritesOnlyItsRecord(string queue)
    {
        var (function, limit, valid) = Consumer(queue);
        var seed = ReliabilityRun.Seed();
        var count = ReliabilityRun.Cases(50, 1000);
        var faults = Enum.GetValues<BodyFault>().Length - 1;
        var gen = Gen.Select(Gen.Frequency((1, Gen.Const(0)), (6, Gen.Int[1, faults])),
            Gen.Int[0, 3], Gen.Frequency((8, Gen.Const(0)), (1, Gen.Int[1, 2])), Gen.Int[0, int.MaxValue],
            (b, shape, envelope, salt) =>
                (Body: (BodyFault)b, Shape: (BodyShape)shape, Envelope: envelope, Salt: salt));
        long rejected = 0;
        var failures = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var c = FuzzCase.Draw(gen, seed, i);
            var random = new Random(c.Salt);
            var body = Encoding.UTF8.GetString(BodyMutations.Render(c.Body, valid(random), limit, random)!);
            var payload = c.Envelope == 1 ? "{\"Data\":{},\"Metadata\":{}}" : Payload(body, c.Shape, c.Envelope == 2);
            _writes.Take();
            using var response = await _handler.InvokeAsync(function, payload);
            var text = await response.Content.ReadAsStringAsync();
            var writes = _writes.Take();
            var wasRejected = (int)response.StatusCode == 200 && Logs(text).Any(l => l.StartsWith("Rejected",
                StringComparison.Ordinal));
            if (wasRejected) rejected++;
            string? violation = (int)response.StatusCode != 200
                ? $"answered {(int)response.StatusCode}"
                : wasRejected && writes.Where(w => AllowedWrites.ForMessage(w) is null).ToList() is { Count: > 0 } bad
                    ? $"rejected but wrote: {string.Join(", ", bad)}"
                    : null;
            if ((int)response.StatusCode >= 500)
                violation += ": " + string.Join(" | ", _app.Logs.Lines.Where(l => l.StartsWith("Error",
                    StringComparison.Ordinal)).TakeLast(1).Select(l => l[..Math.Min(l.Length, 600)]));
            if (violation is not null)
                failures.Add($"seed {seed}, case {i}: {queue} body={c.Body} shape={c.Shape} envelope={c.Envelope} "
                    + $"salt={c.Salt}: {violation}");
        }
        ReliabilityReport.Record(_output, "bad-input", "queue " + queue, count, rejected, failures.Count, seed);
        foreach (var failure in failures.Take(30)) _output.WriteLine(failure);
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} messages broke the contract (seed {seed}). "
            + $"First: {failures.FirstOrDefault()}");
    }

    private static (string Function, long Limit, Func<Random, JsonNode> Valid) Consumer(string queue) => queue switch
    {
        "refunds" => ("ProcessRefund", 64 * 1024, r => new JsonObject
        {
            ["refundId"] = "fuzz-refund-" + r.Next(), ["accountId"] = "fuzz-account-" + r.Next(),
            ["orderId"] = "order-1", ["amount"] = new JsonObject { ["amount"] = 40, ["currency"] = "USD" },
            ["reason"] = "fuzz", ["origin"] = "balance",
        }),
        "order-chunks" => ("ProcessOrderChunk", 4 * 1024, r => new JsonObject
        {
            ["orderId"] = Hex(r), ["org"] = "org-fuzz", ["chunk"] = 0,
        }),
        _ => ("DeliverGift", 4 * 1024, r => new JsonObject
        {
            ["deliveryId"] = "fuzz-delivery-" + r.Next(), ["orderId"] = Hex(r), ["lineId"] = "00001",
            ["channel"] = "email",
        }),
    };

    private static string Hex(Random random) =>
        Convert.ToHexStringLower(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray());

    /// <summary>
    /// The host's payload; one with a huge message id and a high delivery count when <paramref name="odd"/>. A body
    /// that is JSON but no object has no fields to promote into the metadata, so it is carried as the string it is.
    /// </summary>
    private static string Payload(string body, BodyShape shape, bool odd)
    {
        var messageId = odd ? new string('m', 5000) : "088fb2b9aede42e7a154dbc7f803a566";
        try
        {
            return HostPayloads.ServiceBus("message", body, messageId, odd ? 11 : 1, ShapeFor(body, shape));
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException)
        {
            return JsonSerializer.Serialize(new
            {
                Data = new { message = JsonSerializer.Serialize(body) },
                Metadata = new { DeliveryCount = "1", MessageId = JsonSerializer.Serialize(messageId) },
            });
        }
    }

    /// <summary>A body the host could only carry as text is never sent as an object.</summary>
    private static BodyShape ShapeFor(string body, BodyShape wanted)
    {
        if (wanted != BodyShape.JsonObject) return wanted;
        try
        {
            return JsonNode.Parse(body) is JsonObject ? wanted : BodyShape.DoubleEncoded;
        }
        catch (JsonException)
        {
            return BodyShape.DoubleEncoded;
        }
    }

    private static List<string> Logs(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("Logs", out var logs) && logs.ValueKind == JsonValueKind.Array
                ? [.. logs.EnumerateArray().Select(l => l.GetString() ?? "")]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
