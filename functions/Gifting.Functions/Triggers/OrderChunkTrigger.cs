using System.Text;
using System.Text.Json;
using Gifting.Core;
using Gifting.Core.Messaging;
using Gifting.Core.Orders;

namespace Gifting.Functions.Triggers;

/// <summary>
/// <c>ProcessOrderChunk</c>, triggered by the internal <c>order-chunks</c> queue: issues or cancels one chunk of an
/// order's lines, whichever the order now asks for. A message that can never succeed (malformed, an order that is not
/// there, a chunk it does not have) is recorded with its reason and completed; anything else that fails answers
/// non-2xx so Service Bus redelivers it.
/// </summary>
public static class OrderChunkTrigger
{
    /// <summary>A chunk message is two ids and a number; anything much larger is not one this app sent.</summary>
    public const int MaxMessageBytes = 4 * 1024;

    public static void MapOrderChunkTrigger(this IEndpointRouteBuilder app) =>
        app.MapPost("/ProcessOrderChunk", async (
            HttpRequest request, ProcessOrderChunk process, IRejectedMessages rejected, TimeProvider clock,
            CancellationToken ct) =>
        {
            var invocation = await InvocationBody.ReadAsync(request, ct);
            if (invocation.Root is not { } root)
            {
                // Unread, the message has no id to key it by; the invocation id names this delivery.
                var id = request.Headers["X-Azure-Functions-InvocationId"].ToString();
                var key = "invocation:" + (id.Length > 0 ? id : Guid.NewGuid().ToString("N"));
                return await RejectAsync(rejected, clock, key, invocation.Prefix,
                    $"The invocation is {invocation.Length} bytes, over the {InvocationBody.Limit}-byte limit; "
                    + "the message was not read.", ct);
            }
            var payload = HostPayload.Parse(root);
            if (payload is null) return Results.BadRequest();
            var body = payload.MessageBody("message");
            var raw = body.ValueKind switch
            {
                JsonValueKind.Undefined => "",
                JsonValueKind.String => body.GetString()!,
                _ => body.GetRawText(),
            };
            var messageKey = "message:" + (payload.MetadataString("MessageId") ?? raw);
            if (Encoding.UTF8.GetByteCount(raw) is var size && size > MaxMessageBytes)
                return await RejectAsync(rejected, clock, messageKey, raw[..Math.Min(raw.Length, MaxMessageBytes)],
                    $"The message body is {size} bytes; a chunk message is at most {MaxMessageBytes} bytes.", ct);
            if (Read(body) is not { } command)
                return await RejectAsync(rejected, clock, messageKey, raw,
                    "The message body is not {\"orderId\": 32 lowercase hex, \"org\", \"chunk\": 0 or more}.", ct);
            var result = await process.ExecuteAsync(command, ct);
            if (!result.Succeeded)
                return await RejectAsync(rejected, clock, $"order-chunk:{command.OrderId}-{command.Chunk}", raw,
                    $"{result.Failure!.Code}: {result.Failure.Detail}", ct);
            var done = result.Value;
            return Results.Json(HostResponse.Done(
                $"Chunk {command.Chunk} of order {command.OrderId}: {done.Lines} lines, {done.Issued} issued, "
                + $"{done.Cancelled} cancelled."));
        }).WithMetadata(InvocationBody.Unlimited).ExcludeFromDescription();

    private static OrderChunkCommand? Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return null;
        if (!body.TryGetProperty("orderId", out var orderId) || orderId.ValueKind != JsonValueKind.String
            || orderId.GetString() is not { Length: 32 } id || !id.All(char.IsAsciiHexDigitLower))
            return null;
        if (!body.TryGetProperty("org", out var org) || org.ValueKind != JsonValueKind.String
            || !OrgId.TryParse(org.GetString(), out var orgId))
            return null;
        if (!body.TryGetProperty("chunk", out var chunk) || chunk.ValueKind != JsonValueKind.Number
            || !chunk.TryGetInt32(out var number) || number < 0)
            return null;
        return new OrderChunkCommand(orgId, id, number);
    }

    private static async Task<IResult> RejectAsync(
        IRejectedMessages rejected, TimeProvider clock, string key, string body, string reason, CancellationToken ct)
    {
        await rejected.RecordAsync(
            new RejectedMessage(OrderChunks.Queue, key, reason, body, clock.GetUtcNow()), ct);
        return Results.Json(HostResponse.Done($"Rejected an {OrderChunks.Queue} message: {reason}"));
    }
}
