using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Gifting.Core.Redemptions;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

/// <summary>The redemptions waiting for a reviewer, the longest waiting first.</summary>
public static class ReviewEndpoints
{
    public static void MapReviews(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reviews", ListAsync).RequireAuthorization(Policies.Support)
            .Produces<PageResponse<ReviewItem>>()
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.ServiceBusy);

    private static async Task<IResult> ListAsync(
        ListReviews reviews, CancellationToken cancellationToken, string? status = null, int? limit = null,
        string? cursor = null)
    {
        if (status is not (null or "pending")) return Problems.Validation("status must be pending.");
        if (limit is < 1 or > 100) return Problems.Validation("limit must be 1-100.");
        ReviewCursor? after = null;
        if (cursor is not null && (after = Decode(cursor)) is null) return Problems.Validation("cursor is not valid.");
        var page = await reviews.ExecuteAsync(after, limit ?? 25, cancellationToken);
        return Results.Ok(new PageResponse<ReviewItem>(
            [.. page.Items.Select(ReviewItem.Of)], page.Next is { } next ? Encode(next) : null));
    }

    private static string Encode(ReviewCursor cursor) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        cursor.HeldAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ":" + cursor.CardId));

    private static ReviewCursor? Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture,
                    out var ms) && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                ? new ReviewCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), text[(colon + 1)..])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
