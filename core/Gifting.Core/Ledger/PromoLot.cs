namespace Gifting.Core.Ledger;

/// <summary>A slice of promotional credit with its own expiry. Spent soonest-expiring first.</summary>
public sealed record PromoLot(string LotId, long Amount, DateTimeOffset ExpiresAt, string Source);
