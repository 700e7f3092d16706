using System.Text;
using System.Text.Json;
using Gifting.Core;
using Gifting.Core.Messaging;
using Gifting.Core.Refunds;
using Gifting.Infra.Json;
using Gifting.Functions.Telemetry;

namespace Gifting.Functions.Triggers;

/// <summary>
/// <c>ProcessRefund</c>, triggered by the <c>refunds</c> queue: credits the refund once per refundId. A message that
/// can never succeed is recorded with its reason and completed; anything else that fails answers non-2xx so
/// Service Bus redelivers it (and dead-letters it after the queue's maximum delivery count).
/// </summary>
public static class RefundTrigger
{
    public const string Queue = "refunds";

    /// <summary>
    /// 64 KiB, the API's own body limit. A refund is two ids of at most 128 characters, an amount and a reason: a
    /// larger body is not a refund the order system meant to send.
    /// </summary>
    public const int MaxMessageBytes = 64 * 1024;

    public sealed record RefundMessage(
        string RefundId, string AccountId, string OrderId, Money Amount, string? Reason = null,
        RefundOrigin Origin = RefundOrigin.Balance);

    public static void MapRefundTrigger(this IEndpointRouteBuilder app) =>
        app.MapPost("/ProcessRefund", async (
            HttpRequest request, CreditRefund credit, IRejectedMessages rejected, TimeProvider clock,
            CancellationToken ct) =>
        {
            var invocation = await InvocationBody.ReadAsync(request, ct);
            if (invocation.Root is not { } root)
                return await RejectOversizedAsync(rejected, clock, request, invocation, ct);
            var payload = HostPayload.Parse(root);
            if (payload is null) return Results.BadRequest();
            using var activity = GiftingTelemetry.StartInvocation("ProcessRefund", payload.MessageTraceParent());
            var body = payload.MessageBody("message");
            if (body.ValueKind == JsonValueKind.Undefined)
                return await RejectAsync(rejected, clock, payload, body, "The invocation carries no message body.", ct);
            var text = body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText();
            if (Encoding.UTF8.GetByteCount(text) is var size && size > MaxMessageBytes)
                return await RejectAsync(rejected, clock, payload, body,
                    $"The message body is {size} bytes; a refund message is at most {MaxMessageBytes} bytes.", ct);
            var (command, problem) = Read(body);
            if (command is null)
                return await RejectAsync(rejected, clock, payload, body, problem!, ct);
            var result = await credit.ExecuteAsync(command, ct);
            if (!result.Succeeded)
                return await RejectAsync(rejected, clock, payload, body,
                    $"{result.Failure!.Code}: {result.Failure.Detail}", ct);
            if (!result.Value.AlreadyCredited) GiftingTelemetry.RefundAppliedCount.Add(1);
            return Results.Json(HostResponse.Done(result.Value.AlreadyCredited
                ? $"Refund {command.RefundId} was already credited."
                : $"Refund {command.RefundId} credited {result.Value.Credited}."));
        }).WithMetadata(InvocationBody.Unlimited).ExcludeFromDescription();

    private static (RefundCommand? Command, string? Problem) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "The message body is not a JSON object.");
        RefundMessage? message;
        try
        {
            message = body.Deserialize<RefundMessage>(GiftingJson.Options);
        }
        catch (JsonException e)
        {
            return (null, $"The message body is malformed at {e.Path ?? "$"}.");
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-16 (a lone surrogate escaped as \ud800).
            return (null, "The message body holds a string that is not valid Unicode.");
        }
        if (message is null || message.RefundId.Length is 0 or > 128 || message.OrderId.Length is 0 or > 128)
            return (null, "refundId and orderId must be 1-128 characters.");
        if (!Core.AccountId.TryParse(message.AccountId, out var account))
            return (null, "accountId is not a valid account id.");
        return (new RefundCommand(
            message.RefundId, account, message.OrderId, message.Amount, message.Reason, message.Origin), null);
    }

    private static void CountRejected()
    {
        GiftingTelemetry.RefundRejectedCount.Add(1);
        GiftingTelemetry.MessageRejectedCount.Add(1, new KeyValuePair<string, object?>("queue", Queue));
    }

    private static async Task<IResult> RejectOversizedAsync(
        IRejectedMessages rejected, TimeProvider clock, HttpRequest request, InvocationBody invocation,
        CancellationToken ct)
    {
        // Unread, the message has no id to key it by; the invocation id names this delivery, which then completes.
        var id = request.Headers["X-Azure-Functions-InvocationId"].ToString();
        var key = "invocation:" + (id.Length > 0 ? id : Guid.NewGuid().ToString("N"));
        var reason = $"The invocation is {invocation.Length} bytes, over the {InvocationBody.Limit}-byte limit; "
            + "the message was not read.";
        await rejected.RecordAsync(
            RejectionToKeep.Of(Queue, key, reason, invocation.Prefix, clock.GetUtcNow(), complete: false), ct);
        CountRejected();
        return Results.Json(HostResponse.Done($"Rejected a {Queue} message: {reason}"));
    }

    private static async Task<IResult> RejectAsync(
        IRejectedMessages rejected, TimeProvider clock, HostPayload payload, JsonElement body, string reason,
        CancellationToken ct)
    {
        var raw = body.ValueKind == JsonValueKind.Undefined ? "" : body.GetRawText();
        var key = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("refundId", out var id)
            && id.ValueKind == JsonValueKind.String && QueueMessage.StringOf(id) is { } refundId
            ? "refund:" + refundId
            : "message:" + (payload.MetadataString("MessageId") ?? raw);
        await rejected.RecordAsync(RejectionToKeep.Of(Queue, key, reason, raw, clock.GetUtcNow()), ct);
        CountRejected();
        return Results.Json(HostResponse.Done($"Rejected a {Queue} message: {reason}"));
    }
}
