using System.ComponentModel.DataAnnotations;
using Gifting.Core.Ledger;
using Gifting.Core.Redemptions;

namespace Gifting.Functions;

/// <summary>
/// The velocity rules that hold a redemption for review, beside the value threshold: the value and the number of
/// codes redeemed into one account, and a card redeemed soon after issue into another account than it was bought for.
/// </summary>
public sealed class VelocityOptions
{
    public const string Section = "Redemption:Velocity";

    /// <summary>Held when more than this (minor units of the account's currency) goes in within 24 hours.</summary>
    [Range(1, BalanceState.MaxTotal)]
    public long MaxValuePerDay { get; set; } = VelocityLimits.Default.MaxValuePerDay;

    /// <summary>The code redeemed within an hour that is held: the fifth, by default.</summary>
    [Range(1, 1_000_000)]
    public int CodesPerHour { get; set; } = VelocityLimits.Default.CodesPerHour;

    /// <summary>How soon after issue a card redeemed into another account than it was bought for is held.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan FreshCardWindow { get; set; } = VelocityLimits.Default.FreshCardWindow;

    public VelocityLimits ToLimits() => new(MaxValuePerDay, CodesPerHour, FreshCardWindow);
}
