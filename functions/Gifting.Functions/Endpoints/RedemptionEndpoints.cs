using Gifting.Core;
using Gifting.Core.Redemptions;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;

namespace Gifting.Functions.Endpoints;

public static class RedemptionEndpoints
{
    public sealed record RedeemBody(string? Code = null, string? LinkToken = null);

    public static void MapRedemptions(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/redemptions", RedeemAsync).RequireAuthorization(Roles.Customer).WithMetadata(new IdempotentRequest(KeyRequired: false));

    private static async Task<IResult> RedeemAsync(RedeemBody body, HttpContext http, RedeemCode redeem, CancellationToken cancellationToken)
    {
        if (Caller.From(http) is not { } caller) return Caller.Unusable;
        if (body.Code is null == body.LinkToken is null) return Problems.Validation("Send exactly one of code and linkToken.");
        if (body.Code is null) return Problems.For(new Failure(ErrorCode.InvalidCode, "This link is not valid."));
        var result = await redeem.ExecuteAsync(new RedeemCommand(caller.Account, caller.Marketplace, caller.ClientAddress, body.Code), cancellationToken);
        if (!result.Succeeded) return Problems.For(result.Failure!);
        var r = result.Value;
        return r.PendingReview
            ? Results.Json(new { r.RedemptionId, Status = "pending_review" }, statusCode: StatusCodes.Status202Accepted)
            : Results.Ok(new { r.RedemptionId, Card = new { r.Last4, r.Value }, r.Balance });
    }
}
