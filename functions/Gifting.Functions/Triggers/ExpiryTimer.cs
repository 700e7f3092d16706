using Gifting.Core.Promotions;

namespace Gifting.Functions.Triggers;

/// <summary><c>ExpirePromotionalCredits</c>, hourly: posts a promo_expiry entry for every lot past its expiry.</summary>
public static class ExpiryTimer
{
    public static void MapExpiryTimer(this IEndpointRouteBuilder app) =>
        app.MapPost("/ExpirePromotionalCredits", async (ExpirePromotionalCredits expire, TimeProvider clock, CancellationToken ct) =>
        {
            // Each lot expires under its own operation key, so a rerun of the same period posts nothing twice.
            var summary = await expire.ExecuteAsync(clock.GetUtcNow(), ct);
            return Results.Json(HostResponse.Done($"{summary.Due} lots due, {summary.Expired} expired, {summary.ExpiredMinorUnits} minor units."));
        }).ExcludeFromDescription();
}
