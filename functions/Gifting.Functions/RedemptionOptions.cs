using System.ComponentModel.DataAnnotations;
using Gifting.Core;
using Gifting.Core.Redemptions;

namespace Gifting.Functions;

/// <summary>
/// Limits on failed redemptions, per account and per client address, in fixed windows; the fraud rule; and how long
/// the sweeper leaves an unfinished redemption to whoever is working on it.
/// </summary>
public sealed class RedemptionOptions : IValidatableObject
{
    public const string Section = "Redemption";

    [Range(1, 1000)]
    public int FailuresPerAccount { get; set; } = ThrottleLimits.Default.PerAccount;

    [Range(1, 100000)]
    public int FailuresPerClientAddress { get; set; } = ThrottleLimits.Default.PerClientAddress;

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Window { get; set; } = ThrottleLimits.Default.Window;

    /// <summary>
    /// The fraud rule: per currency, the card value (minor units) from which a redemption waits for review.
    /// Empty by default: no redemption is held.
    /// </summary>
    public Dictionary<string, long> ReviewThresholds { get; set; } = [];

    /// <summary>How long a redemption step may stay unfinished before the sweeper finishes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A key in the wrong case or a made-up currency would never match a card, and a threshold of zero would hold
        // every card: either switches the rule off or on for everything without anyone noticing.
        foreach (var (currency, threshold) in ReviewThresholds)
        {
            if (!Marketplace.IsServedCurrency(currency))
                yield return new ValidationResult(
                    $"{Section}:{nameof(ReviewThresholds)}:{currency} must name a currency this service serves, "
                    + "in upper case (USD, EUR, ...).", [nameof(ReviewThresholds)]);
            else if (threshold < 1)
                yield return new ValidationResult(
                    $"{Section}:{nameof(ReviewThresholds)}:{currency} must be at least 1 minor unit.",
                    [nameof(ReviewThresholds)]);
        }
    }

    public ThrottleLimits ToLimits() => new(FailuresPerAccount, FailuresPerClientAddress, Window);

    public ReviewPolicy ToReviewPolicy() => new(ReviewThresholds);
}
