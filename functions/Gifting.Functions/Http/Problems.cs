using Gifting.Core;

namespace Gifting.Functions.Http;

/// <summary>The one table from use-case outcomes to HTTP, as the API contract lists them.</summary>
public static class Problems
{
    private static readonly Dictionary<ErrorCode, (int Status, string Code, string Title)> Table = new()
    {
        [ErrorCode.ValidationFailed] = (400, "validation_failed", "The request is not valid."),
        [ErrorCode.InvalidCode] = (400, "invalid_code", "The claim code is not valid."),
        [ErrorCode.AlreadyRedeemed] = (409, "already_redeemed", "The card has already been redeemed."),
        [ErrorCode.CardNotActivated] = (409, "card_not_activated", "The card has not been activated."),
        [ErrorCode.RegionMismatch] = (422, "region_mismatch", "The card belongs to another marketplace."),
        [ErrorCode.TooManyAttempts] = (429, "too_many_attempts", "Too many failed attempts."),
        [ErrorCode.CardNotFound] = (404, "card_not_found", "No such card."),
        [ErrorCode.CardAlreadyActive] = (409, "card_already_active", "The card is already active."),
        [ErrorCode.CardCancelled] = (409, "card_cancelled", "The card has been cancelled."),
        [ErrorCode.InsufficientFunds] = (422, "insufficient_funds", "The balance is too low."),
        [ErrorCode.CurrencyMismatch] = (422, "currency_mismatch", "The currency does not match the account's."),
        [ErrorCode.NotUnderReview] = (409, "not_under_review", "No redemption of this card is waiting for review."),
    };

    public static IResult For(Failure failure)
    {
        var (status, code, title) = Table[failure.Code];
        return new ProblemResult(status, code, title, failure.Detail, failure.RetryAfter);
    }

    public static IResult Of(int status, string code, string title, string detail) => new ProblemResult(status, code, title, detail, null);

    public static IResult Validation(string detail) => For(new Failure(ErrorCode.ValidationFailed, detail));

    private sealed class ProblemResult(int status, string code, string title, string detail, TimeSpan? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (retryAfter is { } wait)
                httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ProblemWriter.WriteAsync(httpContext, status, code, title, detail);
        }
    }
}
