using Gifting.Core;

namespace Gifting.Functions.Http;

/// <summary>The one table from use-case outcomes to HTTP, as the API contract lists them.</summary>
public static class Problems
{
    private static readonly Dictionary<ErrorCode, (int Status, string Code, string Title)> Table = new()
    {
        [ErrorCode.ValidationFailed] = (400, ProblemCodes.ValidationFailed, "The request is not valid."),
        [ErrorCode.InvalidCode] = (400, ProblemCodes.InvalidCode, "The claim code is not valid."),
        [ErrorCode.AlreadyRedeemed] = (409, ProblemCodes.AlreadyRedeemed, "The card has already been redeemed."),
        [ErrorCode.CardNotActivated] = (409, ProblemCodes.CardNotActivated, "The card has not been activated."),
        [ErrorCode.RegionMismatch] = (422, ProblemCodes.RegionMismatch, "The card belongs to another marketplace."),
        [ErrorCode.TooManyAttempts] = (429, ProblemCodes.TooManyAttempts, "Too many failed attempts."),
        [ErrorCode.CardNotFound] = (404, ProblemCodes.CardNotFound, "No such card."),
        [ErrorCode.CardAlreadyActive] = (409, ProblemCodes.CardAlreadyActive, "The card is already active."),
        [ErrorCode.CardCancelled] = (409, ProblemCodes.CardCancelled, "The card has been cancelled."),
        [ErrorCode.InsufficientFunds] = (422, ProblemCodes.InsufficientFunds, "The balance is too low."),
        [ErrorCode.CurrencyMismatch] =
            (422, ProblemCodes.CurrencyMismatch, "The currency does not match the account's."),
        [ErrorCode.NotUnderReview] =
            (409, ProblemCodes.NotUnderReview, "No redemption of this card is waiting for review."),
        [ErrorCode.OrderNotFound] = (404, ProblemCodes.OrderNotFound, "No such order."),
        [ErrorCode.ResendTooSoon] = (429, ProblemCodes.ResendTooSoon, "Sent moments ago."),
        [ErrorCode.IdempotencyKeyMismatch] =
            (422, ProblemCodes.IdempotencyKeyMismatch, "Idempotency-Key reused with another request."),
        [ErrorCode.GiftCardPurchaseNotAllowed] =
            (422, ProblemCodes.GiftCardPurchaseNotAllowed, "Gift cards cannot be bought with a balance."),
        [ErrorCode.AccountFrozen] = (409, ProblemCodes.AccountFrozen, "The account is frozen."),
        [ErrorCode.CardFrozen] = (409, ProblemCodes.CardFrozen, "The card is frozen."),
        [ErrorCode.AlreadyReversed] = (409, ProblemCodes.AlreadyReversed, "The entry has been reversed already."),
        [ErrorCode.NotReversible] = (422, ProblemCodes.NotReversible, "The entry cannot be reversed."),
        [ErrorCode.EntryNotFound] = (404, ProblemCodes.NotFound, "No such entry."),
        [ErrorCode.RejectedMessageNotFound] = (404, ProblemCodes.NotFound, "No such rejected message."),
        [ErrorCode.AlreadyReplayed] =
            (409, ProblemCodes.AlreadyReplayed, "The message was already sent to its queue again."),
    };

    public static IResult For(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var (status, code, title) = Table[failure.Code];
        return new ProblemResult(status, code, title, failure.Detail, failure.RetryAfter)
        {
            Extensions = ExtensionsOf(failure),
        };
    }

    /// <summary>What an outcome tells beyond its code: the caller's own redemption, or the card's site.</summary>
    private static Dictionary<string, object?>? ExtensionsOf(Failure failure)
    {
        if (failure.RedeemedByCaller is { } prior)
        {
            return new Dictionary<string, object?>
            {
                ["redeemedByYou"] = true, ["redemptionId"] = prior.RedemptionId, ["redeemedAt"] = prior.RedeemedAt,
            };
        }
        return failure.CardMarketplace is { } marketplace
            ? new Dictionary<string, object?> { ["cardMarketplace"] = marketplace.Code }
            : null;
    }

    /// <summary>The problem code an outcome is answered with, such as <c>already_redeemed</c>.</summary>
    public static string CodeOf(ErrorCode code) => Table[code].Code;

    /// <summary>The status a use-case outcome's problem code is answered with; null for a code not in it.</summary>
    public static int? StatusOf(string code) =>
        Table.Values.Where(v => v.Code == code).Select(v => (int?)v.Status).FirstOrDefault();

    public static IResult Of(int status, string code, string title, string detail) =>
        new ProblemResult(status, code, title, detail, null);

    public static IResult Validation(string detail) => For(new Failure(ErrorCode.ValidationFailed, detail));

    /// <summary>A <c>validation_failed</c> listing what is wrong one by one, in the problem's <c>errors</c>.</summary>
    public static IResult Validation<T>(string detail, IReadOnlyList<T> errors)
    {
        var (status, code, title) = Table[ErrorCode.ValidationFailed];
        return new ProblemResult(status, code, title, detail, null, errors);
    }

    private sealed class ProblemResult(
        int status, string code, string title, string detail, TimeSpan? retryAfter, object? errors = null) : IResult
    {
        public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (retryAfter is { } wait)
                httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    .ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ProblemWriter.WriteAsync(httpContext, status, code, title, detail, errors, Extensions);
        }
    }
}
