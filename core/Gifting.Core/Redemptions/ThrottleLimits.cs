namespace Gifting.Core.Redemptions;

public sealed record ThrottleLimits(int PerAccount, int PerClientAddress, TimeSpan Window)
{
    public static ThrottleLimits Default { get; } = new(5, 20, TimeSpan.FromMinutes(15));
}
