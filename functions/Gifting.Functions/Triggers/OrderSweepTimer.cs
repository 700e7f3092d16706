using Gifting.Core.Orders;
using Microsoft.Extensions.Options;

namespace Gifting.Functions.Triggers;

/// <summary>
/// <c>SweepOrders</c>, every minute: finishes order intakes and cancellations left unfinished, and sends again the
/// chunk messages not confirmed sent.
/// </summary>
public static class OrderSweepTimer
{
    public static void MapOrderSweepTimer(this IEndpointRouteBuilder app) =>
        app.MapPost("/SweepOrders", async (
            SweepOrders sweep, IOptions<OrderOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            // Younger work is left to the request still running it, which would otherwise race the sweeper to send.
            var summary = await sweep.ExecuteAsync(clock.GetUtcNow() - options.Value.SweepAfter, ct);
            var log = $"{summary.Due} unfinished orders due, {summary.Published} sent again, "
                + $"{summary.Abandoned} abandoned.";
            return Results.Json(HostResponse.Done(log));
        }).ExcludeFromDescription();
}
