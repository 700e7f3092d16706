using System.ComponentModel.DataAnnotations;
using Gifting.Core.Funding;

namespace Gifting.Functions;

/// <summary>The most one funding of an org may add.</summary>
public sealed class FundingOptions
{
    public const string Section = "Funding";

    /// <summary>
    /// In minor units; a larger funding is refused and changes nothing. At most 1,000,000,000.00, far inside the
    /// most one ledger account may hold.
    /// </summary>
    [Range(1, 1_000_000_000_00)]
    public long MaxAmount { get; set; } = FundingLimits.Default.MaxAmount;

    public FundingLimits ToLimits() => new(MaxAmount);
}
