using Gifting.Core;
using Gifting.Core.Adjustments;
using Gifting.Core.Freezes;
using Gifting.Core.Ledger;
using Gifting.Core.Reloads;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

/// <summary>
/// Operators' controls on an account (freezes, adjustments, reversals) and the checkout's reloads. Every one of them
/// names who acted (the token's <c>sub</c>) in what it records.
/// </summary>
public static class ControlEndpoints
{
    public sealed record FreezeBody(string Reason);

    public sealed record AdjustmentBody(
        string AdjustmentId, string Direction, MoneyBody Amount, string ReasonCode, string? Note = null,
        string? Marketplace = null);

    public sealed record ReversalBody(string Reason);

    public sealed record ReloadBody(string PaymentId, MoneyBody Amount, string? Marketplace = null);

    public static void MapControls(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/accounts/{accountId}");
        foreach (var (path, frozen) in new[] { ("/freeze", true), ("/unfreeze", false) })
        {
            account.MapPost(path, (string accountId, FreezeBody body, HttpContext http, FreezeAccount freeze,
                    CancellationToken ct) => FreezeAccountAsync(accountId, frozen, body, http, freeze, ct))
                .RequireAuthorization(Policies.Support)
                .WithMetadata(new IdempotentRequest(KeyRequired: false))
                .Produces<AccountFreezeResponse>()
                .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.ServiceBusy);
        }
        account.MapPost("/adjustments", AdjustAsync).RequireAuthorization(Policies.Admin)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<ActivityItem>(StatusCodes.Status201Created)
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.InsufficientFunds,
                ProblemCodes.CurrencyMismatch, ProblemCodes.IdempotencyKeyMismatch, ProblemCodes.ServiceBusy);
        account.MapPost("/entries/{entryId}/reversal", ReverseAsync).RequireAuthorization(Policies.Admin)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<ActivityItem>(StatusCodes.Status201Created)
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.NotFound, ProblemCodes.AlreadyReversed,
                ProblemCodes.NotReversible, ProblemCodes.ServiceBusy);
        account.MapPost("/reloads", ReloadAsync).RequireAuthorization(Policies.Checkout)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<ActivityItem>(StatusCodes.Status201Created)
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.AccountFrozen, ProblemCodes.CurrencyMismatch,
                ProblemCodes.IdempotencyKeyMismatch, ProblemCodes.ServiceBusy);
    }

    private static async Task<IResult> FreezeAccountAsync(
        string accountId, bool frozen, FreezeBody body, HttpContext http, FreezeAccount freeze,
        CancellationToken cancellationToken)
    {
        if (!AccountId.TryParse(accountId, out var account))
            return Problems.Validation("accountId is not a valid account id.");
        if (!IsReason(body.Reason)) return Problems.Validation("reason must be 1-500 characters.");
        var result = await freeze.ExecuteAsync(
            account, new FreezeCommand(frozen, body.Reason, http.User.Subject()), cancellationToken);
        return result.Succeeded
            ? Results.Ok(AccountFreezeResponse.Of(account, result.Value))
            : Problems.For(result.Failure!);
    }

    private static async Task<IResult> AdjustAsync(
        string accountId, AdjustmentBody body, HttpContext http, AdjustBalance adjust,
        CancellationToken cancellationToken)
    {
        if (!AccountId.TryParse(accountId, out var account))
            return Problems.Validation("accountId is not a valid account id.");
        if (!IsId(body.AdjustmentId))
            return Problems.Validation("adjustmentId must be 1-128 printable characters without / \\ ? #.");
        if (body.Direction is not ("credit" or "debit"))
            return Problems.Validation("direction must be credit or debit.");
        if (ReasonOf(body.ReasonCode) is not { } reason)
            return Problems.Validation("reasonCode must be one of " + string.Join(", ", ReasonCodes) + ".");
        if (body.Note?.Length > 500) return Problems.Validation("note is at most 500 characters.");
        if (OpeningMarketplace(body.Amount, body.Marketplace) is not { } money)
            return Problems.Validation("amount.currency or marketplace is not one this service serves.");
        var command = new AdjustmentCommand(account, body.AdjustmentId, body.Direction == "credit", money.Amount,
            reason, body.Note, http.User.Subject(), money.Marketplace);
        return Created(await adjust.ExecuteAsync(command, cancellationToken));
    }

    private static async Task<IResult> ReverseAsync(
        string accountId, string entryId, ReversalBody body, HttpContext http, ReverseEntry reverse,
        CancellationToken cancellationToken)
    {
        if (!AccountId.TryParse(accountId, out var account))
            return Problems.Validation("accountId is not a valid account id.");
        if (!IsReason(body.Reason)) return Problems.Validation("reason must be 1-500 characters.");
        // Entry ids are the activity's: ent_<sequence number>.
        if (!entryId.StartsWith("ent_", StringComparison.Ordinal) || entryId.Length > 24
            || !long.TryParse(entryId.AsSpan(4), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var seq))
            return Problems.For(new Failure(ErrorCode.EntryNotFound, "This account has no such entry."));
        var command = new ReversalCommand(account, seq, body.Reason, http.User.Subject());
        return Created(await reverse.ExecuteAsync(command, cancellationToken));
    }

    private static async Task<IResult> ReloadAsync(
        string accountId, ReloadBody body, ReloadAccount reload, CancellationToken cancellationToken)
    {
        if (!AccountId.TryParse(accountId, out var account))
            return Problems.Validation("accountId is not a valid account id.");
        if (!IsId(body.PaymentId))
            return Problems.Validation("paymentId must be 1-128 printable characters without / \\ ? #.");
        if (OpeningMarketplace(body.Amount, body.Marketplace) is not { } money)
            return Problems.Validation("amount.currency or marketplace is not one this service serves.");
        var command = new ReloadCommand(account, body.PaymentId, money.Amount, money.Marketplace);
        return Created(await reload.ExecuteAsync(command, cancellationToken));
    }

    private static IResult Created(Result<Posting> result) => result.Succeeded
        ? Results.Json(ActivityItem.Of(result.Value.Entry), statusCode: StatusCodes.Status201Created)
        : Problems.For(result.Failure!);

    /// <summary>
    /// The amount, and the marketplace that opens a balance for an account without one: the one named, or the only
    /// one using the currency. Core decides whether one is needed.
    /// </summary>
    private static (Money Amount, Marketplace? Marketplace)? OpeningMarketplace(MoneyBody amount, string? named)
    {
        if (amount.ToMoney() is not { } money) return null;
        Marketplace? marketplace = Marketplace.ForCurrency(money.Currency);
        if (named is not null && !Marketplace.TryParse(named, out marketplace)) return null;
        return (money, marketplace);
    }

    private static readonly string[] ReasonCodes =
        [.. Enum.GetValues<AdjustmentReason>().Select(AdjustBalance.ReasonCode)];

    private static AdjustmentReason? ReasonOf(string code) =>
        Enum.GetValues<AdjustmentReason>().Where(r => AdjustBalance.ReasonCode(r) == code)
            .Select(r => (AdjustmentReason?)r).FirstOrDefault();

    private static bool IsReason(string reason) => reason.Trim().Length is > 0 and <= 500;

    private static bool IsId(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => c is >= '!' and <= '~' and not ('/' or '\\' or '?' or '#'));
}
