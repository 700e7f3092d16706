using Gifting.Core.Links;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

/// <summary>
/// <c>POST /api/link-previews</c>: what a one-click link's gift is, without redeeming it. A POST so that the token
/// travels in the body, never in a URL that a proxy, the host or the framework might log.
/// </summary>
public static class LinkPreviewEndpoints
{
    public sealed record PreviewBody(string LinkToken);

    public static void MapLinkPreviews(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/link-previews", PreviewAsync).RequireAuthorization(Policies.Customer)
            .Produces<LinkPreviewResponse>()
            .DescribeProblems(ProblemCodes.InvalidCode, ProblemCodes.TooManyAttempts, ProblemCodes.ServiceBusy);

    private static async Task<IResult> PreviewAsync(
        PreviewBody body, HttpContext http, PreviewLink preview, CancellationToken cancellationToken)
    {
        if (Caller.From(http) is not { } caller) return Caller.Unusable;
        var result = await preview.ExecuteAsync(
            new PreviewLinkCommand(caller.Account, caller.ClientAddress, body.LinkToken), cancellationToken);
        return result.Succeeded ? Results.Ok(LinkPreviewResponse.Of(result.Value)) : Problems.For(result.Failure!);
    }
}
