using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gifting.Functions.Telemetry;

/// <summary>
/// The app's own spans and counters, under the name <c>Gifting</c>. Tags carry outcomes, queues and channels only:
/// never a claim code, link token, email address or phone number.
/// </summary>
public static class GiftingTelemetry
{
    public const string Name = "Gifting";

    public const string Redemptions = "gifting.redemptions";
    public const string Debits = "gifting.debits";
    public const string RefundsApplied = "gifting.refunds.applied";
    public const string RefundsRejected = "gifting.refunds.rejected";
    public const string LinesIssued = "gifting.lines.issued";
    public const string DeliveriesSent = "gifting.deliveries.sent";
    public const string DeliveriesFailed = "gifting.deliveries.failed";
    public const string PromotionalLotsExpired = "gifting.promotional_lots.expired";
    public const string MessagesRejected = "gifting.messages.rejected";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RedemptionCount =
        Meter.CreateCounter<long>(Redemptions, "{redemption}", "Redemption requests, by outcome");

    public static readonly Counter<long> DebitCount = Meter.CreateCounter<long>(Debits, "{debit}", "Debits posted");

    public static readonly Counter<long> RefundAppliedCount =
        Meter.CreateCounter<long>(RefundsApplied, "{refund}", "Refunds credited");

    public static readonly Counter<long> RefundRejectedCount =
        Meter.CreateCounter<long>(RefundsRejected, "{refund}", "Refund messages recorded as rejected");

    public static readonly Counter<long> LineIssuedCount =
        Meter.CreateCounter<long>(LinesIssued, "{line}", "Order lines issued");

    public static readonly Counter<long> DeliverySentCount =
        Meter.CreateCounter<long>(DeliveriesSent, "{delivery}", "Deliveries sent, by channel");

    public static readonly Counter<long> DeliveryFailedCount =
        Meter.CreateCounter<long>(DeliveriesFailed, "{delivery}", "Deliveries the provider refused for good");

    public static readonly Counter<long> PromotionalLotExpiredCount =
        Meter.CreateCounter<long>(PromotionalLotsExpired, "{lot}", "Promotional lots expired");

    public static readonly Counter<long> MessageRejectedCount =
        Meter.CreateCounter<long>(MessagesRejected, "{message}", "Queue messages recorded as rejected, by queue");

    /// <summary>
    /// A span for one trigger invocation that continues the trace of whatever sent its message (or, with no
    /// message context, the invocation's own request).
    /// </summary>
    public static Activity? StartInvocation(string function, ActivityContext? parent)
    {
        var activity = parent is { } remote
            ? Source.StartActivity(function, ActivityKind.Consumer, remote)
            : Source.StartActivity(function, ActivityKind.Consumer);
        activity?.SetTag("faas.trigger", parent is null ? "timer" : "pubsub");
        activity?.SetTag("faas.name", function);
        return activity;
    }
}
