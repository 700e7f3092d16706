namespace Gifting.Core.Liability;

/// <summary>
/// Running totals of what the service owes, kept as events are posted and never recomputed from the ledgers. Each
/// event is counted under a mark (its own deterministic name) in the bucket of the day it happened, so counting the
/// same event again, after a crash or by a retry, changes nothing.
/// </summary>
public interface ILiabilityTotals
{
    /// <summary>
    /// Adds <paramref name="delta"/> unless an event named <paramref name="mark"/> was counted already.
    /// </summary>
    Task CountOnceAsync(
        Marketplace marketplace, string currency, DateOnly day, string mark, LiabilityDelta delta,
        CancellationToken cancellationToken);

    /// <summary>
    /// The totals of every marketplace (or of <paramref name="marketplace"/>) that has any, with the breakage of the
    /// days from <paramref name="fromDay"/> up to, not including, <paramref name="untilDay"/>.
    /// </summary>
    Task<IReadOnlyList<LiabilityFigures>> ReadAsync(
        Marketplace? marketplace, DateOnly fromDay, DateOnly untilDay, CancellationToken cancellationToken);
}
