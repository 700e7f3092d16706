using Gifting.Core.Promotions;
using Gifting.Functions.Telemetry;

namespace Gifting.Functions.Triggers;

/// <summary>
/// <c>ExpirePromotionalCredits</c>, every 5 minutes: posts a promo_expiry entry for every lot past its expiry, up to a
/// run's limit; a backlog is worked off by the runs that follow.
/// </summary>
public static class ExpiryTimer
{
    public static void MapExpiryTimer(this IEndpointRouteBuilder app) =>
        app.MapPost("/ExpirePromotionalCredits", async (
            ExpirePromotionalCredits expire, TimeProvider clock, CancellationToken ct) =>
        {
            // Each lot expires under its own operation key, so a rerun of the same period posts nothing twice.
            var summary = await expire.ExecuteAsync(clock.GetUtcNow(), ct);
            GiftingTelemetry.PromotionalLotExpiredCount.Add(summary.Expired);
            var done = $"{summary.Due} lots due, {summary.Expired} expired, {summary.ExpiredMinorUnits} minor units.";
            return Results.Json(summary.Complete
                ? HostResponse.Done(done)
                : HostResponse.Done(done, "Stopped at the run's limit with lots still due; the next run carries on."));
        }).ExcludeFromDescription();
}
