using System.Text.Json;
using Gifting.Core;
using Gifting.Core.Messaging;
using Gifting.Core.Orders;
using Gifting.Functions.Telemetry;

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
            var (message, answer) = await QueueMessage.ReadAsync(
                request, OrderChunks.Queue, MaxMessageBytes, rejected, clock, ct);
            if (message is null) return answer!;
            using var activity = GiftingTelemetry.StartInvocation(
                "ProcessOrderChunk", message.Payload.MessageTraceParent());
            var (body, raw) = (message.Body, message.Raw);
            var messageKey = message.Key;
            if (Read(body) is not { } command)
                return await RejectAsync(rejected, clock, messageKey, raw,
                    "The message body is not {\"orderId\": 32 lowercase hex, \"org\", \"chunk\": 0 or more}.", ct);
            var result = await process.ExecuteAsync(command, ct);
            if (!result.Succeeded)
                return await RejectAsync(rejected, clock, $"order-chunk:{command.OrderId}-{command.Chunk}", raw,
                    $"{result.Failure!.Code}: {result.Failure.Detail}", ct);
            var done = result.Value;
            GiftingTelemetry.LineIssuedCount.Add(done.Issued);
            return Results.Json(HostResponse.Done(
                $"Chunk {command.Chunk} of order {command.OrderId}: {done.Lines} lines, {done.Issued} issued, "
                + $"{done.Cancelled} cancelled."));
        }).WithMetadata(InvocationBody.Unlimited).ExcludeFromDescription();

    private static OrderChunkCommand? Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return null;
        if (!body.TryGetProperty("orderId", out var orderId) || orderId.ValueKind != JsonValueKind.String
            || QueueMessage.StringOf(orderId) is not { Length: 32 } id || !id.All(char.IsAsciiHexDigitLower))
            return null;
        if (!body.TryGetProperty("org", out var org) || org.ValueKind != JsonValueKind.String
            || !OrgId.TryParse(QueueMessage.StringOf(org), out var orgId))
            return null;
        if (!body.TryGetProperty("chunk", out var chunk) || chunk.ValueKind != JsonValueKind.Number
            || !chunk.TryGetInt32(out var number) || number < 0)
            return null;
        return new OrderChunkCommand(orgId, id, number);
    }

    private static Task<IResult> RejectAsync(
        IRejectedMessages rejected, TimeProvider clock, string key, string body, string reason, CancellationToken ct) =>
        QueueMessage.RejectAsync(rejected, clock, OrderChunks.Queue, key, body, reason, ct);
}
