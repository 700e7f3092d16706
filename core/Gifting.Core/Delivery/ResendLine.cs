using Gifting.Core.Concurrency;
using Gifting.Core.Messaging;
using Gifting.Core.Orders;

namespace Gifting.Core.Delivery;

public sealed record ResendCommand(OrgId Org, string OrderId, string LineId);

/// <summary>
/// Sends a line's code and link again, to the same recipient: a new delivery, numbered after the last, at most one
/// per <see cref="DeliverySettings.ResendGap"/>, and never for a line not issued, redeemed or cancelled.
/// </summary>
public sealed class ResendLine(
    IOrderStore orders, IMessagePublisher publisher, DeliverySettings settings, TimeProvider clock)
{
    public async Task<Result<string>> ExecuteAsync(ResendCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var order = await orders.ReadAsync(command.Org, command.OrderId, cancellationToken);
        if (order is not { Order.Visible: true })
            return new Failure(ErrorCode.OrderNotFound, "The org has no order with this id.");
        if (!int.TryParse(command.LineId, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var id)
            || id < 1 || id > order.Order.LineCount || GiftLine.IdOf(id - 1) != command.LineId)
            return new Failure(ErrorCode.OrderNotFound, "The order has no line with this id.");
        var current = await orders.ReadLineAsync(command.OrderId, id - 1, cancellationToken)
            ?? throw new InvalidOperationException($"Line {command.LineId} of order {command.OrderId} is not stored.");
        var requested = await OptimisticRetry.RunAsync<GiftLine>($"line {command.LineId}", async () =>
        {
            var line = current.Line;
            if (line.Status is LineStatus.Pending or LineStatus.Redeemed or LineStatus.Cancelled)
                return new Failure(ErrorCode.ValidationFailed,
                    $"A line that is {line.Status.ToString().ToLowerInvariant()} is not sent again.");
            var now = clock.GetUtcNow();
            var last = new[] { line.LastRequestedAt, line.SentAt, line.ClaimedAt }.Max();
            if (last is { } at && now - at < settings.ResendGap)
                return new Failure(ErrorCode.ResendTooSoon, "This line was sent moments ago.",
                    settings.ResendGap - (now - at));
            var next = line with { Sends = line.Sends + 1, LastRequestedAt = now };
            if (await orders.TryReplaceLineAsync(next, current.ETag, cancellationToken) is not null) return next;
            current = await orders.ReadLineAsync(command.OrderId, id - 1, cancellationToken)
                ?? throw new InvalidOperationException($"Line {command.LineId} disappeared.");
            return null;
        }, cancellationToken);
        if (!requested.Succeeded) return requested.Failure!;
        var line = requested.Value;
        await publisher.PublishAsync([GiftDeliveries.MessageOf(line, line.Sends, null)], cancellationToken);
        return GiftDeliveries.IdOf(line, line.Sends);
    }
}
