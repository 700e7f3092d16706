using System.Text.Json;
using Gifting.Core.Delivery;
using Gifting.Core.Messaging;
using Gifting.Functions.Telemetry;

namespace Gifting.Functions.Triggers;

/// <summary>
/// <c>DeliverGift</c>, triggered by the <c>gift-deliveries</c> queue: sends one delivery of a line by email or SMS. A
/// message that names no delivery is recorded with its reason and completed. A delivery another run holds, or one the
/// provider failed for now, answers non-2xx so Service Bus hands it over again; the log says how many times it has.
/// </summary>
public static partial class DeliveryTrigger
{
    /// <summary>A delivery message is three ids and a channel.</summary>
    public const int MaxMessageBytes = 4 * 1024;

    public static void MapDeliveryTrigger(this IEndpointRouteBuilder app) =>
        app.MapPost("/DeliverGift", async (
            HttpRequest request, DeliverLine deliver, IRejectedMessages rejected, TimeProvider clock,
            ILoggerFactory logs, CancellationToken ct) =>
        {
            var (message, answer) = await QueueMessage.ReadAsync(
                request, GiftDeliveries.Queue, MaxMessageBytes, rejected, clock, ct);
            if (message is null) return answer!;
            using var activity = GiftingTelemetry.StartInvocation("DeliverGift", message.Payload.MessageTraceParent());
            if (Read(message.Body) is not { } command)
                return await QueueMessage.RejectAsync(rejected, clock, GiftDeliveries.Queue, message.Key, message.Raw,
                    "The message body is not {\"deliveryId\", \"orderId\", \"lineId\", \"channel\"}.", ct);
            var result = await deliver.ExecuteAsync(command, ct);
            if (!result.Succeeded)
                return await QueueMessage.RejectAsync(rejected, clock, GiftDeliveries.Queue,
                    $"delivery:{command.DeliveryId}", message.Raw, $"{result.Failure!.Code}: {result.Failure.Detail}",
                    ct);
            var delivered = result.Value;
            if (delivered.Outcome == DeliveryOutcome.Sent) GiftingTelemetry.DeliverySentCount.Add(1);
            if (delivered.Outcome == DeliveryOutcome.Failed) GiftingTelemetry.DeliveryFailedCount.Add(1);
            if (delivered.Outcome is DeliveryOutcome.Busy or DeliveryOutcome.Transient)
            {
                LogNotYet(logs.CreateLogger(typeof(DeliveryTrigger)), command.DeliveryId, delivered.Outcome,
                    delivered.Reason ?? "", message.DeliveryCount);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            return Results.Json(HostResponse.Done($"Delivery {command.DeliveryId}: {delivered.Outcome}."));
        }).WithMetadata(InvocationBody.Unlimited).ExcludeFromDescription();

    private static DeliverCommand? Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return null;
        string? Text(string name, int max) =>
            body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && QueueMessage.StringOf(value) is { Length: > 0 } text && text.Length <= max
            && text.All(c => c is > ' ' and <= '~')
                ? text
                : null;
        var (deliveryId, orderId, lineId, channel) =
            (Text("deliveryId", 128), Text("orderId", 32), Text("lineId", 5), Text("channel", 5));
        if (deliveryId is null || orderId is null || lineId is null || channel is not ("email" or "sms")) return null;
        return new DeliverCommand(orderId, lineId, deliveryId);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Delivery {DeliveryId} is not sent yet ({Outcome}: {Reason}); Service Bus has handed it over "
            + "{DeliveryCount} times.")]
    private static partial void LogNotYet(
        ILogger logger, string deliveryId, DeliveryOutcome outcome, string reason, string deliveryCount);
}
