using Gifting.Core;
using Gifting.Core.Debits;
using Gifting.Core.Promotions;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;
using Gifting.Functions.Telemetry;

namespace Gifting.Functions.Endpoints;

/// <summary>Service-to-service money movement on a named account: checkout debits and promotional grants.</summary>
public static class AccountEndpoints
{
    public sealed record DebitBody(string OrderId, MoneyBody Amount, bool AllowPartial = false, string Kind = "order");

    public sealed record GrantBody(
        string GrantId, MoneyBody Amount, DateTimeOffset ExpiresAt, string Reason, string? Marketplace = null);

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/accounts/{accountId}/debits", DebitAsync).RequireAuthorization(Policies.Checkout)
            .WithMetadata(new IdempotentRequest(KeyRequired: true))
            .Produces<DebitResponse>(StatusCodes.Status201Created).DescribeProblems(ProblemCodes.ValidationFailed,
                ProblemCodes.InsufficientFunds, ProblemCodes.CurrencyMismatch, ProblemCodes.ServiceBusy,
                ProblemCodes.GiftCardPurchaseNotAllowed, ProblemCodes.AccountFrozen);
        app.MapPost("/api/accounts/{accountId}/promotional-credits", GrantAsync)
            .RequireAuthorization(Policies.Promotions)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<GrantResponse>(StatusCodes.Status201Created)
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.CurrencyMismatch, ProblemCodes.ServiceBusy);
    }

    private static async Task<IResult> DebitAsync(
        string accountId, DebitBody body, HttpContext http, DebitAccount debit, CancellationToken cancellationToken)
    {
        if (!AccountId.TryParse(accountId, out var account))
            return Problems.Validation("accountId is not a valid account id.");
        if (!IsReference(body.OrderId)) return Problems.Validation("orderId must be 1-128 printable characters.");
        if (body.Amount.ToMoney() is not { } amount)
            return Problems.Validation("amount.currency must be an ISO 4217 code.");
        if (body.Kind is not ("order" or "subscription" or "gift_card"))
            return Problems.Validation("kind must be order, subscription or gift_card.");
        // The idempotency key names the debit, so a retry that runs again after a crash posts the same entry.
        var debitKey = Idempotency.KeyFor(http);
        var kind = body.Kind switch
        {
            "order" => DebitKind.Order,
            "subscription" => DebitKind.Subscription,
            _ => DebitKind.GiftCard,
        };
        var result = await debit.ExecuteAsync(
            new DebitCommand(account, body.OrderId, amount, body.AllowPartial, kind, debitKey), cancellationToken);
        if (result.Succeeded) GiftingTelemetry.DebitCount.Add(1);
        return result.Succeeded
            ? Results.Json(DebitResponse.Of(result.Value), statusCode: StatusCodes.Status201Created)
            : Problems.For(result.Failure!);
    }

    private static async Task<IResult> GrantAsync(
        string accountId, GrantBody body, GrantPromotionalCredit grant, CancellationToken cancellationToken)
    {
        if (!AccountId.TryParse(accountId, out var account))
            return Problems.Validation("accountId is not a valid account id.");
        if (!IsReference(body.GrantId) || body.GrantId.Any(c => c is '/' or '\\' or '?' or '#'))
            return Problems.Validation("grantId must be 1-128 printable characters without / \\ ? #.");
        if (body.Reason.Length is 0 or > 200) return Problems.Validation("reason must be 1-200 characters.");
        if (body.Amount.ToMoney() is not { } amount)
            return Problems.Validation("amount.currency must be an ISO 4217 code.");
        // Left out, the currency names the marketplace where only one uses it; core decides whether one is needed.
        Marketplace? marketplace = Marketplace.ForCurrency(amount.Currency);
        if (body.Marketplace is not null && !Marketplace.TryParse(body.Marketplace, out marketplace))
            return Problems.Validation("marketplace is not one this service serves.");

        var result = await grant.ExecuteAsync(
            new GrantCommand(account, body.GrantId, amount, body.ExpiresAt, body.Reason, marketplace),
            cancellationToken);
        if (!result.Succeeded) return Problems.For(result.Failure!);
        var g = result.Value;
        var balance = BalanceResponse.Of(g.Balance);
        return Results.Json(new GrantResponse(g.GrantId, g.Amount, g.ExpiresAt, balance),
            statusCode: StatusCodes.Status201Created);
    }

    private static bool IsReference(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => c is >= '!' and <= '~');
}
