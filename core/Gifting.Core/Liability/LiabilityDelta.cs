namespace Gifting.Core.Liability;

/// <summary>
/// How one event moves the running totals of a marketplace and currency, in minor units: the value of cards issued
/// and not yet redeemed or cancelled, shoppers' gift and promotional balances, redemptions held for review, orgs'
/// available funding, and promotional credit that expired (breakage, counted in the day it expired).
/// </summary>
public sealed record LiabilityDelta(
    long UnredeemedCards = 0, long Gift = 0, long Promotional = 0, long PendingReview = 0, long Funding = 0,
    long Breakage = 0)
{
    public bool IsZero => this == new LiabilityDelta();
}
