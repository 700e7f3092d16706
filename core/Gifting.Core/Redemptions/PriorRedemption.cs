namespace Gifting.Core.Redemptions;

/// <summary>The redemption that already credited a card to the caller's own account.</summary>
public sealed record PriorRedemption(string RedemptionId, DateTimeOffset RedeemedAt);
