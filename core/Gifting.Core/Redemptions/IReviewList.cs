namespace Gifting.Core.Redemptions;

/// <summary>A held redemption as the review list shows it.</summary>
public sealed record PendingReview(AccountId Account, Hold Hold);

/// <summary>A page of the review list, oldest hold first; <see cref="Next"/> is where the next page starts.</summary>
public sealed record ReviewPage(IReadOnlyList<PendingReview> Items, ReviewCursor? Next);

/// <summary>Where a page of the review list starts: after the hold made at this time on this card.</summary>
public sealed record ReviewCursor(DateTimeOffset HeldAt, string CardId);

/// <summary>
/// Every redemption held for review across accounts, oldest first. The store keeps it beside the holds themselves
/// (<see cref="IHoldStore"/> writes both), so a hold shows here exactly while it is on its account.
/// </summary>
public interface IReviewList
{
    Task<ReviewPage> ListAsync(ReviewCursor? after, int limit, CancellationToken cancellationToken);
}
