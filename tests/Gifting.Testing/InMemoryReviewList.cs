using Gifting.Core.Redemptions;

namespace Gifting.Testing;

/// <summary>The holds of an in-memory hold store, oldest first, as the Cosmos review list orders them.</summary>
public sealed class InMemoryReviewList(InMemoryHoldStore holds) : IReviewList
{
    public Task<ReviewPage> ListAsync(ReviewCursor? after, int limit, CancellationToken cancellationToken)
    {
        var ordered = holds.All()
            .Select(h => (h.Hold.HeldAt ?? DateTimeOffset.UnixEpoch, Review: new PendingReview(h.Account, h.Hold)))
            .Where(h => after is null || h.Item1 > after.HeldAt
                || (h.Item1 == after.HeldAt && string.CompareOrdinal(h.Review.Hold.CardId, after.CardId) > 0))
            .OrderBy(h => h.Item1).ThenBy(h => h.Review.Hold.CardId, StringComparer.Ordinal)
            .Select(h => h.Review).Take(limit + 1).ToList();
        var page = ordered.Take(limit).ToList();
        var next = ordered.Count > limit
            ? new ReviewCursor(page[^1].Hold.HeldAt ?? DateTimeOffset.UnixEpoch, page[^1].Hold.CardId)
            : null;
        return Task.FromResult(new ReviewPage(page, next));
    }
}
