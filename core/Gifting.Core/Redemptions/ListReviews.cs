namespace Gifting.Core.Redemptions;

/// <summary>Support reads the redemptions waiting for their decision, the longest waiting first.</summary>
public sealed class ListReviews(IReviewList list)
{
    public Task<ReviewPage> ExecuteAsync(ReviewCursor? after, int limit, CancellationToken cancellationToken) =>
        list.ListAsync(after, limit, cancellationToken);
}
