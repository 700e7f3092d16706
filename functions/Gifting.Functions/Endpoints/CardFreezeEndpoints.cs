using Gifting.Core.Freezes;
using Gifting.Functions.Auth;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Endpoints;

/// <summary>Support freezes and unfreezes a card by its serial.</summary>
public static class CardFreezeEndpoints
{
    public static void MapCardFreezes(this RouteGroupBuilder card)
    {
        foreach (var (path, frozen) in new[] { ("/freeze", true), ("/unfreeze", false) })
        {
            card.MapPost(path, async (string serial, ControlEndpoints.FreezeBody body, HttpContext http,
                    FreezeCard freeze, CancellationToken cancellationToken) =>
                {
                    if (body.Reason.Trim().Length is 0 or > 500)
                        return Problems.Validation("reason must be 1-500 characters.");
                    var result = await freeze.ExecuteAsync(
                        serial, new FreezeCommand(frozen, body.Reason, http.User.Subject()), cancellationToken);
                    return result.Succeeded ? Results.Ok(CardResponse.Of(result.Value)) : Problems.For(result.Failure!);
                })
                .RequireAuthorization(Policies.Support)
                .WithMetadata(new IdempotentRequest(KeyRequired: false))
                .Produces<CardResponse>()
                .DescribeProblems(ProblemCodes.ValidationFailed, ProblemCodes.CardNotFound, ProblemCodes.ServiceBusy);
        }
    }
}
