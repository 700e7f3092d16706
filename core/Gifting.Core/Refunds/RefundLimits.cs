namespace Gifting.Core.Refunds;

/// <summary>The largest refund one message may carry, in minor units; a larger one is refused and recorded.</summary>
public sealed record RefundLimits(long MaxAmount)
{
    /// <summary>1,000,000.00 in a two-decimal currency.</summary>
    public static RefundLimits Default { get; } = new(1_000_000_00);
}
