namespace Gifting.Core.Redemptions;

/// <summary>A redemption held for review, kept beside the claimant's balance so it can show what is pending.</summary>
public sealed record Hold(string CardId, string Serial, string RedemptionId, Money Amount);
