namespace Gifting.Core.Liability;

/// <summary>
/// The totals of one marketplace and currency: balances as they stand, and <see cref="Breakage"/> over the days
/// asked for.
/// </summary>
public sealed record LiabilityFigures(
    Marketplace Marketplace, string Currency, long UnredeemedCards, long Gift, long Promotional, long PendingReview,
    long Funding, long Breakage);
