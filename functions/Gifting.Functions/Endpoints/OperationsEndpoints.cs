using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Gifting.Core.Messaging;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

/// <summary>What the queues could not apply: listed for support, sent again by an admin, once.</summary>
public static class OperationsEndpoints
{
    public static void MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/operations/rejected-messages", ListAsync).RequireAuthorization(Policies.Support)
            .Produces<PageResponse<RejectedMessageItem>>()
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.ServiceBusy);
        app.MapPost("/api/operations/rejected-messages/{id}/replay", ReplayAsync).RequireAuthorization(Policies.Admin)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<RejectedMessageItem>(StatusCodes.Status202Accepted)
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.NotFound, ProblemCodes.AlreadyReplayed,
                ProblemCodes.ServiceBusy);
    }

    private static async Task<IResult> ListAsync(
        IRejectedMessages rejections, string? queue, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (queue is not null && (queue.Length is 0 or > 64 || !queue.All(c => char.IsAsciiLetterLower(c)
                || char.IsAsciiDigit(c) || c == '-')))
            return Problems.Validation("queue must be a queue name (lower-case letters, digits and dashes).");
        if (limit is < 1 or > 100) return Problems.Validation("limit must be between 1 and 100.");
        RejectionCursor? after = null;
        if (cursor is not null && (after = DecodeCursor(cursor)) is null)
            return Problems.Validation("cursor is not one this API gave out.");
        var page = await rejections.ListAsync(queue, after, limit ?? 25, cancellationToken);
        return Results.Ok(new PageResponse<RejectedMessageItem>(
            [.. page.Items.Select(RejectedMessageItem.Of)], page.Next is { } next ? EncodeCursor(next) : null));
    }

    private static async Task<IResult> ReplayAsync(
        string id, HttpContext http, ReplayRejectedMessage replay, CancellationToken cancellationToken)
    {
        if (id.Length > 200) return Problems.Of(404, ProblemCodes.NotFound, "No such rejected message.",
            "No rejected message has this id.");
        var result = await replay.ExecuteAsync(id, http.User.Subject() ?? "", cancellationToken);
        return result.Succeeded
            ? Results.Json(RejectedMessageItem.Of(result.Value), statusCode: StatusCodes.Status202Accepted)
            : Problems.For(result.Failure!);
    }

    private static string EncodeCursor(RejectionCursor c) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture,
            $"{c.Day.DayNumber}|{c.RejectedAt.ToUnixTimeMilliseconds()}|{c.Id}")));

    private static RejectionCursor? DecodeCursor(string cursor)
    {
        if (cursor.Length > 400) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|', 3);
            return parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                && day <= DateOnly.MaxValue.DayNumber
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() && parts[2].Length > 0
                ? new RejectionCursor(DateOnly.FromDayNumber(day), DateTimeOffset.FromUnixTimeMilliseconds(ms),
                    parts[2])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
