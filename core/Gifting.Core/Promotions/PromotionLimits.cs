namespace Gifting.Core.Promotions;

/// <summary>
/// How close to its expiry a lot may be granted, and how much one expiry run may do.
/// <see cref="MinimumLead"/> is what lets the expiry timer trust its index: a lot is posted to the ledger only while it
/// is at least that far from its expiry, and its index entry is written before, so both exist well before the lot is
/// due; it must exceed clock skew between instances and the time one ledger write takes.
/// <see cref="MaxLotsPerRun"/> and <see cref="RunBudget"/> keep a run well inside the function timeout; what is left
/// is the next run's.
/// </summary>
public sealed record PromotionLimits(TimeSpan MinimumLead, int MaxLotsPerRun, TimeSpan RunBudget)
{
    /// <summary>The largest lot one grant may add, in minor units: 1,000.00 in a two-decimal currency.</summary>
    public long MaxGrant { get; init; } = 1_000_00;

    /// <summary>How far ahead a lot may expire: promotional credit is for spending, not for keeping.</summary>
    public TimeSpan MaxHorizon { get; init; } = TimeSpan.FromDays(5 * 366);

    public static PromotionLimits Default { get; } = new(TimeSpan.FromMinutes(5), 5_000, TimeSpan.FromMinutes(2));
}
