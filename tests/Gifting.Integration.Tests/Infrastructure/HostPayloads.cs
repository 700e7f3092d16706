using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>How the host carries a message body in <c>Data</c> (docs/design.md section 10).</summary>
public enum BodyShape
{
    /// <summary>The default string binding: the UTF-8 text JSON-encoded twice.</summary>
    DoubleEncoded,

    /// <summary>The text JSON-encoded once.</summary>
    JsonString,

    /// <summary>A JSON object, as the host sends object-typed values.</summary>
    JsonObject,

    /// <summary>Base64 of the UTF-8 bytes, as the host sends a <c>byte[]</c> (<c>dataType: binary</c>).</summary>
    Base64Bytes,
}

/// <summary>
/// Invocation payloads shaped like the Functions host's (bundle v4, Service Bus extension 5.x): the body and string
/// metadata JSON-encoded twice, top-level body fields promoted into the metadata.
/// </summary>
public static class HostPayloads
{
    public static string ServiceBus(
        string binding, string body, string messageId = "088fb2b9aede42e7a154dbc7f803a566", int deliveryCount = 1,
        BodyShape shape = BodyShape.DoubleEncoded)
    {
        var metadata = new Dictionary<string, object?>
        {
            ["DeliveryCount"] = deliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LockToken"] = JsonSerializer.Serialize(Guid.NewGuid().ToString()),
            ["ExpiresAtUtc"] = "2026-12-15T10:00:00",
            ["ExpiresAt"] = "2026-12-15T10:00:00+00:00",
            ["EnqueuedTimeUtc"] = "2026-11-22T10:00:00",
            ["MessageId"] = JsonSerializer.Serialize(messageId),
            ["ContentType"] = "\"application/json\"",
            ["SequenceNumber"] = "17",
            ["ApplicationProperties"] = new Dictionary<string, string> { ["source"] = "orders" },
            ["MessageActions"] = new { },
            ["Client"] = new { FullyQualifiedNamespace = "gifting.servicebus.windows.net", IsClosed = false },
            ["sys"] = new
            {
                MethodName = "ProcessRefund", UtcNow = "2026-11-22T10:00:01.1234567Z", RandGuid = Guid.NewGuid()
            },
        };
        try
        {
            foreach (var field in JsonDocument.Parse(body).RootElement.EnumerateObject())
                metadata[field.Name] = field.Value.ValueKind == JsonValueKind.String
                    ? field.Value.GetRawText()
                    : field.Value.Clone();
        }
        catch (JsonException)
        {
            // Not JSON: nothing is promoted.
        }
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Data"] = new JsonObject { [binding] = Carry(body, shape) },
            ["Metadata"] = metadata,
        });
    }

    private static JsonNode? Carry(string body, BodyShape shape) => shape switch
    {
        BodyShape.DoubleEncoded => JsonValue.Create(JsonSerializer.Serialize(body)),
        BodyShape.JsonString => JsonValue.Create(body),
        BodyShape.JsonObject => JsonNode.Parse(body),
        BodyShape.Base64Bytes => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(body))),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    public static string Timer(string binding) =>
        "{\"Data\":{\"" + binding + "\":{\"Schedule\":{\"AdjustForDST\":true},"
        + "\"ScheduleStatus\":null,\"IsPastDue\":false}},"
        + "\"Metadata\":{\"sys\":{\"MethodName\":\"timer\",\"UtcNow\":\"2026-11-22T11:00:00.0000001Z\","
        + "\"RandGuid\":\"9cd4c06c-0000-0000-0000-000000000000\"}}}";

    public static Task<HttpResponseMessage> InvokeAsync(this HttpClient handler, string function, string payload) =>
        handler.PostAsync("/" + function, new StringContent(payload, Encoding.UTF8, "application/json"));
}
