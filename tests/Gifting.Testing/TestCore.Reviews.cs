using Gifting.Core;
using Gifting.Core.Cards;
using Gifting.Core.Redemptions;

namespace Gifting.Testing;

/// <summary>Reviews of held redemptions and the sweeper, with shorthands.</summary>
public sealed partial class TestCore
{
    /// <summary>How long the sweeper leaves a step alone, as the app's default setting does.</summary>
    public static readonly TimeSpan SweepAfter = TimeSpan.FromMinutes(5);

    public InMemoryUnfinishedRedemptionIndex UnfinishedRedemptions { get; init; } = null!;
    public SweepRedemptions SweepRedemptions => Get<SweepRedemptions>();

    public Task<Result<Card>> ReviewAsync(string serial, bool approve, string reviewer = "support-1") =>
        ReviewRedemption.ExecuteAsync(new ReviewCommand(serial, approve, reviewer), CancellationToken.None);

    /// <summary>
    /// Runs the sweeper at the clock's current time, over steps begun more than <see cref="SweepAfter"/> ago.
    /// </summary>
    public Task<SweepSummary> SweepAsync() =>
        SweepRedemptions.ExecuteAsync(Clock.GetUtcNow() - SweepAfter, CancellationToken.None);
}
