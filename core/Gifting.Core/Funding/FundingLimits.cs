namespace Gifting.Core.Funding;

/// <summary>
/// The most one funding may add, in minor units. An admin's typo of a few extra digits is refused instead of
/// becoming money an org can spend on cards.
/// </summary>
public sealed record FundingLimits(long MaxAmount)
{
    /// <summary>10,000,000.00 in a two-decimal currency.</summary>
    public static FundingLimits Default { get; } = new(10_000_000_00);
}
