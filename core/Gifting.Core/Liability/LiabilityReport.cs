namespace Gifting.Core.Liability;

/// <summary>Finance reads what is owed per marketplace and currency, and the breakage of a period of days.</summary>
public sealed class LiabilityReport(ILiabilityTotals totals)
{
    /// <summary>The longest period one report covers: its breakage is summed from one bucket per day.</summary>
    public const int MaxDays = 366;

    public Task<IReadOnlyList<LiabilityFigures>> ExecuteAsync(
        Marketplace? marketplace, DateOnly fromDay, DateOnly untilDay, CancellationToken cancellationToken) =>
        totals.ReadAsync(marketplace, fromDay, untilDay, cancellationToken);
}
