using Gifting.Core;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

/// <summary>Routes that exist only in local mode: nothing maps them in any other environment.</summary>
public static class DevEndpoints
{
    public sealed record TokenBody(string Sub, string[] Roles, string? Marketplace = null, string? Org = null);

    public static void MapDevTokens(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/dev/tokens", (TokenBody body, LocalTokens tokens, TimeProvider clock) =>
        {
            if (!AccountId.TryParse(body.Sub, out _))
                return Problems.Validation("sub must be 1-128 printable characters without / \\ ? #.");
            if (body.Roles.Any(r => !Roles.All.Contains(r)))
                return Problems.Validation($"roles must be among: {string.Join(", ", Roles.All)}.");
            var marketplace = body.Marketplace ?? Marketplace.Default.Code;
            if (!Marketplace.TryParse(marketplace, out _))
                return Problems.Validation("marketplace is not one this service serves.");
            if (body.Org is not null && !OrgId.TryParse(body.Org, out _))
                return Problems.Validation("org must be 1-128 printable characters without / \\ ? #.");
            return Results.Ok(new TokenResponse(tokens.Issue(body.Sub, body.Roles, marketplace, clock, body.Org)));
        }).Produces<TokenResponse>().DescribeProblems(ProblemCodes.ValidationFailed);

    /// <summary>
    /// Answers through the whole pipeline without touching a store: the load script's baseline, against which each
    /// use case's throughput is a ratio. <c>/api/health</c> cannot serve, as it reads the database.
    /// </summary>
    public static void MapDevPing(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/dev/ping", () => Results.Ok(HealthResponse.Ok)).ExcludeFromDescription();
}
