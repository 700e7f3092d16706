using Gifting.Functions.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Gifting.Functions.OpenApi;

/// <summary>Endpoint metadata: every problem <c>code</c> a route can answer, for the API description.</summary>
public sealed record ProblemCodesMetadata(IReadOnlyList<string> Codes);

/// <summary>
/// Declares a route's problem responses: the codes its handler answers, plus those the pipeline answers for it
/// (authorisation, a JSON body, <c>Idempotency-Key</c>, an unexpected failure), each under its status.
/// </summary>
public static class ProblemResponses
{
    // Codes the pipeline writes itself (ErrorHandling, Idempotency, BodyLimit, the status-code pages); use-case
    // outcomes take their status from the one table in Problems.
    private static readonly Dictionary<string, int> PipelineStatuses = new(StringComparer.Ordinal)
    {
        [ProblemCodes.InvalidJson] = 400,
        [ProblemCodes.IdempotencyKeyRequired] = 400,
        [ProblemCodes.InvalidIdempotencyKey] = 400,
        [ProblemCodes.Unauthorized] = 401,
        [ProblemCodes.Forbidden] = 403,
        [ProblemCodes.NotFound] = 404,
        [ProblemCodes.IdempotencyKeyInUse] = 409,
        [ProblemCodes.PayloadTooLarge] = 413,
        [ProblemCodes.UnsupportedMediaType] = 415,
        [ProblemCodes.IdempotencyKeyMismatch] = 422,
        [ProblemCodes.InternalError] = 500,
        [ProblemCodes.ServiceBusy] = 503,
    };

    public static int StatusOf(string code) =>
        Problems.StatusOf(code) ?? (PipelineStatuses.TryGetValue(code, out var status)
            ? status
            : throw new ArgumentException($"'{code}' is not a problem code this API answers.", nameof(code)));

    public static RouteHandlerBuilder DescribeProblems(this RouteHandlerBuilder builder, params string[] codes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // An unknown code fails at start-up, not in a client's generated code.
        foreach (var code in codes) StatusOf(code);
        // A convention, so that it sees the authorisation, body and idempotency metadata given before it.
        builder.Add(endpoint =>
        {
            var all = codes.Concat(Implied(endpoint.Metadata)).Distinct(StringComparer.Ordinal).ToList();
            endpoint.Metadata.Add(new ProblemCodesMetadata(all));
            foreach (var status in all.Select(StatusOf).Distinct().Order())
            {
                endpoint.Metadata.Add(
                    new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
            }
        });
        return builder;
    }

    private static IEnumerable<string> Implied(IList<object> metadata)
    {
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            yield return ProblemCodes.Unauthorized;
            yield return ProblemCodes.Forbidden;
        }
        if (metadata.OfType<IAcceptsMetadata>().Any(a => a.RequestType is not null))
        {
            yield return ProblemCodes.InvalidJson;
            yield return ProblemCodes.PayloadTooLarge;
            yield return ProblemCodes.UnsupportedMediaType;
        }
        if (metadata.OfType<IdempotentRequest>().LastOrDefault() is { } idempotent)
        {
            if (idempotent.KeyRequired) yield return ProblemCodes.IdempotencyKeyRequired;
            yield return ProblemCodes.InvalidIdempotencyKey;
            yield return ProblemCodes.IdempotencyKeyInUse;
            yield return ProblemCodes.IdempotencyKeyMismatch;
        }
        yield return ProblemCodes.InternalError;
    }
}
