using Gifting.Core;
using Gifting.Core.Funding;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

/// <summary>An org's funding: corporate buyers see their own, admins add to any.</summary>
public static class FundingEndpoints
{
    public sealed record FundingBody(MoneyBody Amount, string Reference);

    public static void MapFunding(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/funding", GetAsync).RequireAuthorization(Policies.Corporate)
            .Produces<FundingResponse>().DescribeProblems(ProblemCodes.ServiceBusy);
        app.MapPost("/api/orgs/{org}/funding", AddAsync).RequireAuthorization(Policies.Admin)
            .WithMetadata(new IdempotentRequest(KeyRequired: false))
            .Produces<FundingAddedResponse>(StatusCodes.Status201Created)
            .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.CurrencyMismatch,
                ProblemCodes.IdempotencyKeyMismatch, ProblemCodes.ServiceBusy);
    }

    private static async Task<IResult> GetAsync(
        HttpContext http, GetFunding getFunding, CancellationToken cancellationToken) =>
        OrgCaller.From(http) is { } caller
            ? Results.Ok(FundingResponse.Of(
                await getFunding.ExecuteAsync(caller.Org, caller.Marketplace, cancellationToken)))
            : OrgCaller.Unusable;

    private static async Task<IResult> AddAsync(
        string org, FundingBody body, HttpContext http, AddFunding addFunding, CancellationToken cancellationToken)
    {
        if (!OrgId.TryParse(org, out var orgId))
            return Problems.Validation("org must be 1-128 printable characters without / \\ ? #.");
        if (body.Amount.ToMoney() is not { } amount)
            return Problems.Validation("amount.currency must be an ISO 4217 code.");
        if (body.Reference.Length is 0 or > 128 || !body.Reference.All(c => c is >= ' ' and <= '~'))
            return Problems.Validation("reference must be 1-128 printable characters.");
        // The idempotency key names the funding, so a retry that runs again after a crash posts the same entry; a
        // request without one is a funding of its own.
        var fundingKey = string.IsNullOrEmpty(http.Request.Headers["Idempotency-Key"])
            ? Guid.NewGuid().ToString("N")
            : Idempotency.KeyFor(http);
        var result = await addFunding.ExecuteAsync(
            new AddFundingCommand(orgId, amount, body.Reference, fundingKey), cancellationToken);
        return result.Succeeded
            ? Results.Json(FundingAddedResponse.Of(result.Value, body.Reference),
                statusCode: StatusCodes.Status201Created)
            : Problems.For(result.Failure!);
    }
}
