using Gifting.Core.Redemptions;
using Microsoft.Extensions.Options;

namespace Gifting.Functions.Triggers;

/// <summary><c>SweepRedemptions</c>, every minute: finishes redemptions left unfinished for a few minutes.</summary>
public static class RedemptionSweepTimer
{
    public static void MapRedemptionSweepTimer(this IEndpointRouteBuilder app) =>
        app.MapPost("/SweepRedemptions", async (
            SweepRedemptions sweep, IOptions<RedemptionOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            // Younger steps are left to whoever is still working on them; finishing them too would only be harmless.
            var summary = await sweep.ExecuteAsync(clock.GetUtcNow() - options.Value.SweepAfter, ct);
            var log = $"{summary.Due} unfinished redemption steps due, {summary.Completed} completed.";
            return Results.Json(HostResponse.Done(log));
        }).ExcludeFromDescription();
}
