using Gifting.Core.Redemptions;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

public static class RedemptionEndpoints
{
    public sealed record RedeemBody(string Code);

    public static void MapRedemptions(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/redemptions", RedeemAsync).RequireAuthorization(Policies.Customer)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<RedemptionResponse>().Produces<PendingRedemptionResponse>(StatusCodes.Status202Accepted)
            .DescribeProblems(ProblemCodes.InvalidCode, ProblemCodes.AlreadyRedeemed, ProblemCodes.CardNotActivated,
                ProblemCodes.RegionMismatch, ProblemCodes.TooManyAttempts, ProblemCodes.ServiceBusy);

    private static async Task<IResult> RedeemAsync(
        RedeemBody body, HttpContext http, RedeemCode redeem, CancellationToken cancellationToken)
    {
        if (Caller.From(http) is not { } caller) return Caller.Unusable;
        var command = new RedeemCommand(caller.Account, caller.Marketplace, caller.ClientAddress, body.Code);
        var result = await redeem.ExecuteAsync(command, cancellationToken);
        if (!result.Succeeded) return Problems.For(result.Failure!);
        var r = result.Value;
        return r.Balance is not { } balance
            ? Results.Json(new PendingRedemptionResponse(r.RedemptionId, PendingRedemptionResponse.PendingReview),
                statusCode: StatusCodes.Status202Accepted)
            : Results.Ok(new RedemptionResponse(
                r.RedemptionId, new RedeemedCard(r.Last4, r.Value), BalanceResponse.Of(balance)));
    }
}
