namespace Gifting.Core.Promotions;

/// <summary>A promotional lot as the expiry index knows it: where it lives and when it runs out.</summary>
public sealed record ExpiringLot(AccountId Account, string LotId, DateTimeOffset ExpiresAt);
