using Gifting.Core;
using Gifting.Core.Redemptions;

namespace Gifting.Functions.Responses;

/// <summary>
/// A redemption held for review: the card (never its code), the claimant, when it was held, the rule that held it and
/// why. A hold from before holds named their rule shows the value threshold, the only rule there was.
/// </summary>
public sealed record ReviewItem(
    string Serial, string? Last4, Money Value, string AccountId, DateTimeOffset? HeldAt, string Rule, string Reason)
{
    public static ReviewItem Of(PendingReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var hold = review.Hold;
        return new ReviewItem(hold.Serial, hold.Last4, hold.Amount, review.Account.Value, hold.HeldAt,
            hold.HeldFor?.Rule ?? HoldReason.ValueThreshold, hold.HeldFor?.Reason ?? "");
    }
}
