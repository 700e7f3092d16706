namespace Gifting.Core.Redemptions;

/// <summary>A redemption held for review, kept beside the claimant's balance so it can show what is pending.</summary>
/// <remarks>
/// <see cref="Last4"/>, <see cref="HeldAt"/> and <see cref="HeldFor"/> are what the review list shows; holds kept
/// on an account document before the list existed have none of them.
/// </remarks>
public sealed record Hold(
    string CardId, string Serial, string RedemptionId, Money Amount, string? Last4 = null,
    DateTimeOffset? HeldAt = null, HoldReason? HeldFor = null);
