using System.Text;
using System.Text.Json;
using Gifting.Core.Messaging;
using Gifting.Functions.Telemetry;

namespace Gifting.Functions.Triggers;

/// <summary>
/// One Service Bus message as the host hands it to a trigger: its body (parsed, and as text for the record of a
/// rejection) and its metadata. A message that is too large to be one of the queue's is recorded with its reason and
/// completed before anything reads it.
/// </summary>
internal sealed record QueueMessage(JsonElement Body, string Raw, HostPayload Payload)
{
    /// <summary>The message's own id, or its body when the host gave none: what a rejection is keyed by.</summary>
    public string Key => "message:" + (Payload.MetadataString("MessageId") ?? Raw);

    /// <summary>How many times Service Bus has handed this message over, this one included.</summary>
    public string DeliveryCount => Payload.MetadataString("DeliveryCount") ?? "1";

    /// <summary>
    /// A JSON string's value; null when it is not valid UTF-16 (a lone surrogate escaped as <c>\ud800</c>), which
    /// <see cref="JsonElement.GetString"/> refuses with an exception: such a member names nothing.
    /// </summary>
    public static string? StringOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The message, or the answer to give the host when there is none to handle.</summary>
    public static async Task<(QueueMessage? Message, IResult? Answer)> ReadAsync(
        HttpRequest request, string queue, int maxBytes, IRejectedMessages rejected, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var invocation = await InvocationBody.ReadAsync(request, cancellationToken);
        if (invocation.Root is not { } root)
        {
            // Unread, the message has no id to key it by; the invocation id names this delivery.
            var id = request.Headers["X-Azure-Functions-InvocationId"].ToString();
            var key = "invocation:" + (id.Length > 0 ? id : Guid.NewGuid().ToString("N"));
            return (null, await RejectAsync(rejected, clock, queue, key, invocation.Prefix,
                $"The invocation is {invocation.Length} bytes, over the {InvocationBody.Limit}-byte limit; "
                + "the message was not read.", cancellationToken, complete: false));
        }
        if (HostPayload.Parse(root) is not { } payload) return (null, Results.BadRequest());
        var body = payload.MessageBody("message");
        var raw = body.ValueKind switch
        {
            JsonValueKind.Undefined => "",
            JsonValueKind.String => body.GetString()!,
            _ => body.GetRawText(),
        };
        var message = new QueueMessage(body, raw, payload);
        if (Encoding.UTF8.GetByteCount(raw) is var size && size > maxBytes)
            return (null, await RejectAsync(rejected, clock, queue, message.Key, raw[..Math.Min(raw.Length, maxBytes)],
                $"The message body is {size} bytes; a {queue} message is at most {maxBytes} bytes.",
                cancellationToken, complete: false));
        return (message, null);
    }

    /// <summary>
    /// Records a message that can never succeed, and completes it; <paramref name="complete"/> is false when
    /// <paramref name="body"/> is only the start of the message.
    /// </summary>
    public static async Task<IResult> RejectAsync(
        IRejectedMessages rejected, TimeProvider clock, string queue, string key, string body, string reason,
        CancellationToken cancellationToken, bool complete = true)
    {
        await rejected.RecordAsync(RejectionToKeep.Of(queue, key, reason, body, clock.GetUtcNow(), complete),
            cancellationToken);
        GiftingTelemetry.MessageRejectedCount.Add(1, new KeyValuePair<string, object?>("queue", queue));
        return Results.Json(HostResponse.Done($"Rejected a message of the {queue} queue: {reason}"));
    }
}
