using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Diagnostics;
using Gifting.Infra.Messaging;

namespace Gifting.Functions.Triggers;

/// <summary>
/// Reads what the Functions host posts to a custom handler for a non-HTTP trigger: <c>{"Data": {...},
/// "Metadata": {...}}</c>. The host JSON-encodes strings (message bodies, MessageId, DeliveryCount) a second time, so
/// every value is unwrapped until it is no longer a string holding JSON.
/// </summary>
public sealed class HostPayload
{
    private readonly JsonElement _data;
    private readonly JsonElement _metadata;

    private HostPayload(JsonElement data, JsonElement metadata)
    {
        _data = data;
        _metadata = metadata;
    }

    public static HostPayload? Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        var data = root.TryGetProperty("Data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var metadata = root.TryGetProperty("Metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return data.ValueKind == JsonValueKind.Undefined ? null : new HostPayload(data, metadata);
    }

    /// <summary>A trigger or input binding's value, unwrapped; undefined when absent.</summary>
    public JsonElement Data(string binding) => Get(_data, binding);

    /// <summary>
    /// A message body, in any shape the host may carry it: a JSON object, a string holding JSON (encoded once or
    /// twice: the default string binding), or base64 of the body's UTF-8 bytes (a <c>byte[]</c>, e.g. with
    /// <c>dataType: binary</c>). Text that is neither stays the string it is, for the caller to refuse.
    /// </summary>
    public JsonElement MessageBody(string binding)
    {
        var value = Data(binding);
        if (value.ValueKind != JsonValueKind.String) return value;
        return FromBase64Json(value.GetString()!) is { } decoded ? Unwrap(decoded) : value;
    }

    /// <summary>A trigger metadata value (case-insensitive, as the host's binding data is), unwrapped.</summary>
    public JsonElement Metadata(string key) => Get(_metadata, key);

    /// <summary>
    /// The trace context the message carried in its application properties (see <see cref="MessageTrace"/>); null
    /// when it carried none.
    /// </summary>
    public ActivityContext? MessageTraceParent()
    {
        var properties = Metadata("ApplicationProperties");
        if (properties.ValueKind != JsonValueKind.Object) properties = Metadata("UserProperties");
        if (properties.ValueKind != JsonValueKind.Object) return null;
        return MessageTrace.Parent(name => Get(properties, name) is { ValueKind: JsonValueKind.String } value
            ? value.GetString()
            : null);
    }

    public string? MetadataString(string key) => Metadata(key) is { ValueKind: JsonValueKind.String } s
        ? s.GetString()
        : Metadata(key) is { ValueKind: JsonValueKind.Number } n ? n.GetRawText() : null;

    /// <summary>Peels JSON-in-a-string layers: <c>"\"{\\\"a\\\":1}\""</c> becomes the object <c>{"a":1}</c>.</summary>
    public static JsonElement Unwrap(JsonElement value)
    {
        for (var depth = 0; depth < 4 && value.ValueKind == JsonValueKind.String; depth++)
        {
            var text = value.GetString()!;
            if (text.Length == 0 || !LooksLikeJson(text[0])) return value;
            try
            {
                value = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                return value;
            }
        }
        return value;
    }

    private static JsonElement? FromBase64Json(string text)
    {
        // Base64 of a JSON text is at least 4 characters; shorter or non-base64 strings are plain text.
        var bytes = new byte[text.Length * 3 / 4];
        if (text.Length < 4 || !Convert.TryFromBase64String(text, bytes, out var length)) return null;
        var json = bytes.AsMemory(0, length);
        if (json.Span.StartsWith(Encoding.UTF8.Preamble)) json = json[Encoding.UTF8.Preamble.Length..];
        try
        {
            return JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Text that happens to be valid base64 ("test") but whose bytes are not UTF-8 JSON.
            return null;
        }
    }

    private static bool LooksLikeJson(char first) =>
        first is '{' or '[' or '"' or '-' or 't' or 'f' or 'n' || char.IsAsciiDigit(first);

    private static JsonElement Get(JsonElement container, string name)
    {
        if (container.ValueKind != JsonValueKind.Object) return default;
        foreach (var property in container.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return Unwrap(property.Value);
        }
        return default;
    }
}

/// <summary>
/// What a custom handler answers for a non-HTTP invocation; always a 2xx, or the host counts a failure.
/// </summary>
public sealed record HostResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue = null)
{
    public static HostResponse Done(params string[] logs) => new([], logs);
}
