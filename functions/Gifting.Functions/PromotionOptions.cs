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

    public PromotionLimits ToLimits() => new(MinimumLead, ExpiryMaxLotsPerRun, ExpiryRunBudget);
}
