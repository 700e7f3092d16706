namespace Gifting.Core.Redemptions;

/// <summary>
/// The velocity rules' settings: a redemption is held when the value redeemed into its account within 24 hours,
/// itself included, would be more than <see cref="MaxValuePerDay"/> (minor units of the account's currency); when it
/// is the <see cref="CodesPerHour"/>th code or more redeemed into the account within an hour; or when its card was
/// bought for another account and is redeemed within <see cref="FreshCardWindow"/> of its issue.
/// </summary>
public sealed record VelocityLimits(long MaxValuePerDay, int CodesPerHour, TimeSpan FreshCardWindow)
{
    public static VelocityLimits Default { get; } = new(2_000_00, 5, TimeSpan.FromMinutes(30));
}
