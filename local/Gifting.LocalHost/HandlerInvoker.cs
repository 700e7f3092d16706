using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gifting.LocalHost;

/// <summary>The answer of one invocation: success, and the values the handler put in its output bindings.</summary>
public sealed record InvocationOutcome(
    bool Succeeded, int Status, IReadOnlyDictionary<string, JsonElement> Outputs, string Detail);

/// <summary>
/// Invokes non-HTTP functions the way the Functions host does: <c>POST /{FunctionName}</c> with
/// <c>{"Data", "Metadata"}</c>, strings JSON-encoded twice, and any non-2xx answer counted as a failure.
/// </summary>
public sealed class HandlerInvoker(HttpClient handler, TimeProvider clock)
{
    public async Task<InvocationOutcome> InvokeQueueAsync(
        FunctionDefinition function, string body, string messageId, int deliveryCount,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? properties = null)
    {
        var metadata = new JsonObject
        {
            ["DeliveryCount"] = Encode(deliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["MessageId"] = Encode(JsonSerializer.Serialize(messageId)),
            ["ContentType"] = Encode("\"application/json\""),
            ["EnqueuedTimeUtc"] = clock.GetUtcNow().UtcDateTime.ToString(
                "yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        };
        // The host copies the top-level fields of a JSON body into the metadata, strings encoded twice.
        if (TryParseObject(body) is { } fields)
        {
            foreach (var (name, value) in fields)
                metadata[name] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    ? Encode(value.ToJsonString())
                    : value?.DeepClone();
        }
        // The message's application properties, under both names the Service Bus extension gives them.
        if (properties is { Count: > 0 })
        {
            metadata["ApplicationProperties"] = Properties(properties);
            metadata["UserProperties"] = Properties(properties);
        }
        metadata["sys"] = Sys(function.Name);
        var data = new JsonObject { [function.Trigger.Name] = Body(function.Trigger, body) };
        return await PostAsync(function.Name, data, metadata, cancellationToken);
    }

    public Task<InvocationOutcome> InvokeTimerAsync(
        FunctionDefinition function, bool isPastDue, CancellationToken cancellationToken)
    {
        var data = new JsonObject
        {
            [function.Trigger.Name] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = null,
                ["IsPastDue"] = isPastDue,
            },
        };
        return PostAsync(function.Name, data, new JsonObject { ["sys"] = Sys(function.Name) }, cancellationToken);
    }

    private static JsonObject Properties(IReadOnlyDictionary<string, string> properties)
    {
        var json = new JsonObject();
        foreach (var (name, value) in properties) json[name] = value;
        return json;
    }

    private async Task<InvocationOutcome> PostAsync(
        string functionName, JsonObject data, JsonObject metadata, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await handler.PostAsJsonAsync(
                "/" + functionName, new JsonObject { ["Data"] = data, ["Metadata"] = metadata }, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                return new InvocationOutcome(false, (int)response.StatusCode, new Dictionary<string, JsonElement>(),
                    $"The handler answered {(int)response.StatusCode}.");
            using var json = JsonDocument.Parse(text);
            var outputs = json.RootElement.TryGetProperty("Outputs", out var o) && o.ValueKind == JsonValueKind.Object
                ? o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : new Dictionary<string, JsonElement>();
            return new InvocationOutcome(true, (int)response.StatusCode, outputs, "ok");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException
                                  && !cancellationToken.IsCancellationRequested)
        {
            return new InvocationOutcome(false, 0, new Dictionary<string, JsonElement>(),
                $"The invocation failed: {e.GetType().Name}.");
        }
    }

    private JsonObject Sys(string functionName) => new()
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = clock.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    /// <summary>
    /// The body as the host sends the trigger's value: a <c>byte[]</c> (<c>dataType: binary</c>) as one base64 string,
    /// a string (the default) JSON-encoded twice.
    /// </summary>
    private static JsonValue Body(Binding trigger, string body) => trigger.IsBinary
        ? JsonValue.Create(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(body)))
        : Encode(JsonSerializer.Serialize(body));

    /// <summary>The host's second encoding: a JSON text carried as a JSON string.</summary>
    private static JsonValue Encode(string jsonText) => JsonValue.Create(jsonText);

    private static JsonObject? TryParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
