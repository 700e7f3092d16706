using Gifting.Core.Codes;
using Gifting.Core.Concurrency;
using Gifting.Core.Orders;

namespace Gifting.Core.Delivery;

public sealed record DeliverCommand(string OrderId, string LineId, string DeliveryId);

/// <summary>What one copy of a delivery message came to.</summary>
public enum DeliveryOutcome
{
    Sent,

    /// <summary>The provider refused it for good: the line is failed, with the reason.</summary>
    Failed,

    /// <summary>This delivery ended before (a duplicate copy), or the line is redeemed or cancelled.</summary>
    NothingToDo,

    /// <summary>Another run holds the delivery: the message must come again later.</summary>
    Busy,

    /// <summary>The provider failed for now (throttled, down, timed out): the message must come again later.</summary>
    Transient,
}

public sealed record Delivered(DeliveryOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null);

/// <summary>
/// Sends one delivery of a line, at most once however often and however concurrently its message arrives: the run
/// claims the delivery on the line (a conditional write) before it sends, a second copy finds the claim and waits,
/// and the line records the delivery done before the claim is let go. A run that died after sending leaves a claim
/// that lapses; the redelivery sends again under the same repeatability id, which the provider drops if it is within
/// its window. The order counts a line sent or failed once, under a mark, when its first delivery ends.
/// </summary>
public sealed class DeliverLine(
    IOrderStore orders, CodeCipher cipher, ILinkSource links, IGiftMessageComposer composer, IEmailSender email,
    ISmsSender sms, DeliverySettings settings, TimeProvider clock)
{
    public async Task<Result<Delivered>> ExecuteAsync(DeliverCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!int.TryParse(command.LineId, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var id) || id < 1
            || GiftLine.IdOf(id - 1) != command.LineId)
            return new Failure(ErrorCode.ValidationFailed, "lineId is not a line's id.");
        var stored = await orders.ReadLineAsync(command.OrderId, id - 1, cancellationToken);
        if (stored is null) return new Failure(ErrorCode.OrderNotFound, "No order has this line.");
        if (GiftDeliveries.NumberOf(stored.Line, command.DeliveryId) is not { } number || number > stored.Line.Sends)
            return new Failure(ErrorCode.ValidationFailed, "deliveryId names no delivery of this line.");
        var claim = await ClaimAsync(stored, command.DeliveryId, number, cancellationToken);
        if (claim.Outcome is not null) return new Delivered(claim.Outcome.Value);

        var line = claim.Line!.Line;
        var order = await orders.ReadAsync(line.Org, line.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Line {line.LineId} has no order {line.OrderId}.");
        var sent = await SendAsync(order.Order, line, command.DeliveryId, cancellationToken);
        if (sent.Outcome == SendOutcome.Transient)
        {
            await ReleaseAsync(claim.Line, cancellationToken);
            return new Delivered(DeliveryOutcome.Transient, sent.Reason, sent.RetryAfter);
        }
        await new DeliveryRecord(orders, clock).EndAsync(claim.Line, command.DeliveryId, sent, cancellationToken);
        return sent.Outcome == SendOutcome.Sent
            ? new Delivered(DeliveryOutcome.Sent)
            : new Delivered(DeliveryOutcome.Failed, sent.Reason);
    }

    private sealed record Claim(StoredLine? Line, DeliveryOutcome? Outcome);

    private async Task<Claim> ClaimAsync(
        StoredLine stored, string deliveryId, int number, CancellationToken cancellationToken)
    {
        var current = stored;
        var settled = await OptimisticRetry.RunAsync<Claim>($"line {stored.Line.LineId}", async () =>
        {
            var line = current.Line;
            if (line.Status == LineStatus.Pending)
                throw new InvalidOperationException($"Line {line.LineId} of order {line.OrderId} is not issued yet.");
            if (line.Status is LineStatus.Redeemed or LineStatus.Cancelled)
                return new Claim(null, DeliveryOutcome.NothingToDo);
            if (line.DoneDelivery is { } done && GiftDeliveries.NumberOf(line, done) >= number)
                return new Claim(null, DeliveryOutcome.NothingToDo);
            var now = clock.GetUtcNow();
            if (line.ClaimedDelivery is not null && line.ClaimedAt > now - settings.ClaimLease)
                return new Claim(null, DeliveryOutcome.Busy);
            var claimed = line with
            {
                ClaimedDelivery = deliveryId,
                ClaimedAt = now,
                FirstClaimedAt = line.ClaimedDelivery == deliveryId ? line.FirstClaimedAt ?? now : now,
            };
            if (await orders.TryReplaceLineAsync(claimed, current.ETag, cancellationToken) is { } etag)
                return new Claim(new StoredLine(claimed, etag), null);
            current = await orders.ReadLineAsync(line.OrderId, line.Index, cancellationToken)
                ?? throw new InvalidOperationException($"Line {line.LineId} disappeared.");
            return null;
        }, cancellationToken);
        return settled.Value;
    }

    private async Task<SendResult> SendAsync(
        Order order, GiftLine line, string deliveryId, CancellationToken cancellationToken)
    {
        var content = new GiftContent(order.SenderName, line.Message, line.RecipientName, line.Amount,
            order.Marketplace, cipher.Decrypt(line.SealedCode!, line.CodeOwner), settings.LinkFor(links.TokenOf(line)),
            settings.RedeemPage);
        var firstSent = line.FirstClaimedAt!.Value;
        return line.Channel == DeliveryChannel.Sms
            ? await sms.SendAsync(composer.ComposeSms(line.Phone!, content), deliveryId, firstSent, cancellationToken)
            : await email.SendAsync(composer.ComposeEmail(line.Email!, content), deliveryId, firstSent,
                cancellationToken);
    }

    /// <summary>Lets the claim go after a failure for now, so the redelivery need not wait for it to lapse.</summary>
    private async Task ReleaseAsync(StoredLine claimed, CancellationToken cancellationToken) =>
        await orders.TryReplaceLineAsync(claimed.Line with { ClaimedAt = null }, claimed.ETag, cancellationToken);
}
