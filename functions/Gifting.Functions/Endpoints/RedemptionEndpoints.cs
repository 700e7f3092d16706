using Gifting.Core.Redemptions;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;
using Gifting.Functions.Telemetry;

namespace Gifting.Functions.Endpoints;

public static class RedemptionEndpoints
{
    /// <summary>A typed claim code or a one-click link's token: exactly one of the two.</summary>
    public sealed record RedeemBody(string? Code = null, string? LinkToken = null);

    public static void MapRedemptions(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/redemptions", RedeemAsync).RequireAuthorization(Policies.Customer)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<RedemptionResponse>().Produces<PendingRedemptionResponse>(StatusCodes.Status202Accepted)
            .DescribeProblems(ProblemCodes.InvalidCode, ProblemCodes.AlreadyRedeemed, ProblemCodes.CardNotActivated,
                ProblemCodes.RegionMismatch, ProblemCodes.TooManyAttempts, ProblemCodes.ServiceBusy,
                ProblemCodes.CardFrozen, ProblemCodes.AccountFrozen);

    private static async Task<IResult> RedeemAsync(
        RedeemBody body, HttpContext http, RedeemCode redeem, CancellationToken cancellationToken)
    {
        if (Caller.From(http) is not { } caller) return Caller.Unusable;
        if ((body.Code is null) == (body.LinkToken is null))
            return Problems.Of(400, ProblemCodes.InvalidJson, "The body is not valid JSON for this request.",
                "The body must be a JSON object with exactly one of code and linkToken.");
        var command = new RedeemCommand(
            caller.Account, caller.Marketplace, caller.ClientAddress, body.Code, body.LinkToken);
        var result = await redeem.ExecuteAsync(command, cancellationToken);
        GiftingTelemetry.RedemptionCount.Add(1, new KeyValuePair<string, object?>("outcome", !result.Succeeded
            ? Problems.CodeOf(result.Failure!.Code)
            : result.Value.Balance is null ? "pending_review" : "redeemed"));
        if (!result.Succeeded) return Problems.For(result.Failure!);
        var r = result.Value;
        return r.Balance is not { } balance
            ? Results.Json(new PendingRedemptionResponse(r.RedemptionId, PendingRedemptionResponse.PendingReview),
                statusCode: StatusCodes.Status202Accepted)
            : Results.Ok(new RedemptionResponse(
                r.RedemptionId, new RedeemedCard(r.Last4, r.Value), BalanceResponse.Of(balance)));
    }
}
