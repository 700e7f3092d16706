using System.Globalization;
using System.Text.Json;
using Gifting.Core.Concurrency;
using Gifting.Infra.Cosmos;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gifting.Functions.Http;

/// <summary>
/// Turns what escapes an endpoint into a problem: unreadable bodies into 400/413/415, a database still busy after the
/// SDK's retries into 503 <c>service_busy</c> with <c>Retry-After</c>, anything else into a 500 with a correlation id.
/// Request bodies are never logged: they may hold claim codes.
/// </summary>
public sealed partial class ErrorHandling(ILogger<ErrorHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted) return false;
        switch (exception)
        {
            case BadHttpRequestException bad when bad.StatusCode == 413:
                var limit = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
                await ProblemWriter.PayloadTooLargeAsync(httpContext, limit ?? BodyLimit.DefaultLimit);
                return true;
            case ContentionException:
                // Too many writers on one document: the work did not happen, and a retry soon is likely to succeed.
                await BusyAsync(httpContext, 1, "Too many requests changed the same data at once.");
                return true;
            case BadHttpRequestException bad when bad.StatusCode == 415:
                await ProblemWriter.WriteAsync(httpContext, 415, ProblemCodes.UnsupportedMediaType,
                    "Unsupported content type.", "Send application/json.");
                return true;
            // A route that reads no body cannot have failed on one, whatever body came along; a route that reads one
            // and got none, or none it could read, failed on its body.
            case BadHttpRequestException when exception.InnerException is not JsonException && !ReadsBody(httpContext):
                await ProblemWriter.WriteAsync(httpContext, 400, ProblemCodes.ValidationFailed,
                    "The request is not valid.", "A route or query parameter has the wrong type.");
                return true;
            case BadHttpRequestException:
                // The JSON path says where the body went wrong without repeating any of its values.
                var path = (exception.InnerException as JsonException)?.Path;
                await ProblemWriter.WriteAsync(httpContext, 400, ProblemCodes.InvalidJson,
                    "The body is not valid JSON for this request.",
                    "The body must be a JSON object with the documented members and types"
                    + (string.IsNullOrEmpty(path) || path == "$" ? "." : $"; the problem is at {path}."));
                return true;
            case var _ when CosmosBusy.RetryAfter(exception) is { } wait:
                // Not a bug: the database is saturated or unreachable for now, and the request changed nothing it
                // cannot repeat (ledger postings and card changes are create-only or ETag-checked).
                LogBusy(logger, exception, httpContext.Request.Method, httpContext.Request.Path,
                    ProblemWriter.CorrelationId(httpContext));
                await BusyAsync(httpContext, CosmosBusy.RetryAfterSeconds(wait),
                    "The database is throttled or unavailable.");
                return true;
            default:
                LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path,
                    ProblemWriter.CorrelationId(httpContext));
                await ProblemWriter.WriteAsync(httpContext, 500, ProblemCodes.InternalError, "Something went wrong.",
                    "The request failed unexpectedly. Quote the correlation id to support.");
                return true;
        }
    }

    /// <summary>
    /// Whether the route takes a body, as its API description says (<c>ProblemResponses</c>). The exception handler
    /// has cleared the endpoint from the context by now; its feature keeps the one the request was routed to.
    /// </summary>
    private static bool ReadsBody(HttpContext httpContext) =>
        (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint())?.Metadata
        .GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.RequestType is not null) ?? false;

    private static Task BusyAsync(HttpContext httpContext, int retryAfterSeconds, string why)
    {
        httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ProblemWriter.WriteAsync(httpContext, 503, ProblemCodes.ServiceBusy, "The service is busy.",
            $"{why} Retry after the time in Retry-After.");
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Cosmos DB busy on {Method} {Path} (correlation {CorrelationId})")]
    private static partial void LogBusy(
        ILogger logger, Exception exception, string method, string path, string correlationId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Unhandled failure on {Method} {Path} (correlation {CorrelationId})")]
    private static partial void LogUnhandled(
        ILogger logger, Exception exception, string method, string path, string correlationId);
}
