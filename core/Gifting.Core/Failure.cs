using Gifting.Core.Redemptions;

namespace Gifting.Core;

public sealed record Failure(ErrorCode Code, string Detail, TimeSpan? RetryAfter = null)
{
    /// <summary>
    /// For <see cref="ErrorCode.AlreadyRedeemed"/> to the account the card went into: which redemption credited it and
    /// when. Null for anyone else, who learns nothing about the card.
    /// </summary>
    public PriorRedemption? RedeemedByCaller { get; init; }

    /// <summary>For <see cref="ErrorCode.RegionMismatch"/>: the marketplace whose site takes the card.</summary>
    public Marketplace? CardMarketplace { get; init; }
}
