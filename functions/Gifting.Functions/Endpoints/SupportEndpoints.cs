using Gifting.Core;
using Gifting.Core.Balances;
using Gifting.Core.Cards;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

/// <summary>
/// What support reads for a shopper who calls: their balance and activity, answered exactly as the shopper's own
/// routes answer them (the same use cases), and a card's history.
/// </summary>
public static class SupportEndpoints
{
    public static void MapSupport(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/accounts/{accountId}").RequireAuthorization(Policies.Support);
        account.MapGet("/balance", GetBalanceAsync).Produces<BalanceResponse>()
            .DescribeProblems(ProblemCodes.NotFound, ProblemCodes.ServiceBusy);
        account.MapGet("/activity", GetActivityAsync).Produces<PageResponse<ActivityItem>>()
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.NotFound, ProblemCodes.ServiceBusy);
        app.MapGet("/api/cards/{serial}/history", GetCardHistoryAsync).RequireAuthorization(Policies.Support)
            .Produces<CardHistoryResponse>().DescribeProblems(ProblemCodes.CardNotFound, ProblemCodes.ServiceBusy);
    }

    // An account exists from its first entry and has no other record, so an id that is well formed names an account
    // (empty until credited), as it does for the shopper; one that cannot be an account id names nothing.
    private static readonly IResult NoSuchAccount =
        Problems.Of(404, ProblemCodes.NotFound, "No such account.", "accountId is not an account id.");

    private static async Task<IResult> GetBalanceAsync(
        string accountId, HttpContext http, GetBalance getBalance, CancellationToken cancellationToken)
    {
        if (!AccountId.TryParse(accountId, out var account)) return NoSuchAccount;
        // An account never credited answers an empty balance in the marketplace of the token, as the shopper's does.
        if (!Marketplace.TryParse(http.User.MarketplaceCode(), out var marketplace)) return Caller.Unusable;
        return Results.Ok(BalanceResponse.Of(await getBalance.ExecuteAsync(account, marketplace, cancellationToken)));
    }

    private static async Task<IResult> GetActivityAsync(
        string accountId, GetActivity getActivity, int? limit, string? cursor, CancellationToken cancellationToken) =>
        AccountId.TryParse(accountId, out var account)
            ? await BalanceEndpoints.ActivityPageAsync(account, getActivity, limit, cursor, cancellationToken)
            : NoSuchAccount;

    private static async Task<IResult> GetCardHistoryAsync(
        string serial, GetCardHistory history, CancellationToken cancellationToken)
    {
        if (!CardSerial.IsWellFormed(serial))
            return Problems.For(new Failure(ErrorCode.CardNotFound, "No card has this serial."));
        var result = await history.ExecuteAsync(serial, cancellationToken);
        return result.Succeeded
            ? Results.Ok(CardHistoryResponse.Of(result.Value.Card, result.Value.Events))
            : Problems.For(result.Failure!);
    }
}
