using System.ComponentModel.DataAnnotations;
using Gifting.Core.Promotions;

namespace Gifting.Functions;

/// <summary>How close to its expiry a promotional lot may be granted, and how much one expiry run does.</summary>
public sealed class PromotionOptions
{
    public const string Section = "Promotions";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MinimumLead { get; set; } = PromotionLimits.Default.MinimumLead;

    [Range(1, 1_000_000)]
    public int ExpiryMaxLotsPerRun { get; set; } = PromotionLimits.Default.MaxLotsPerRun;

    /// <summary>Well inside host.json's functionTimeout (5 minutes) and the timer's 5-minute period.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:04:00")]
    public TimeSpan ExpiryRunBudget { get; set; } = PromotionLimits.Default.RunBudget;

    /// <summary>The largest lot one grant may add, in minor units.</summary>
    [Range(1, 1_000_000_00)]
    public long MaxGrantAmount { get; set; } = PromotionLimits.Default.MaxGrant;

    /// <summary>How far ahead a granted lot may expire.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3660.00:00:00")]
    public TimeSpan MaxGrantHorizon { get; set; } = PromotionLimits.Default.MaxHorizon;

    public PromotionLimits ToLimits() => new(MinimumLead, ExpiryMaxLotsPerRun, ExpiryRunBudget)
    {
        MaxGrant = MaxGrantAmount,
        MaxHorizon = MaxGrantHorizon,
    };
}
