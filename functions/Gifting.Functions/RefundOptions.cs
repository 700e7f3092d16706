using System.ComponentModel.DataAnnotations;
using Gifting.Core.Refunds;

namespace Gifting.Functions;

/// <summary>The largest refund a message of the <c>refunds</c> queue may carry.</summary>
public sealed class RefundOptions
{
    public const string Section = "Refunds";

    /// <summary>In minor units; a larger refund is recorded as rejected and changes nothing.</summary>
    [Range(1, 10_000_000_000_00)]
    public long MaxAmount { get; set; } = RefundLimits.Default.MaxAmount;

    public RefundLimits ToLimits() => new(MaxAmount);
}
