using System.Globalization;
using System.Text.Json;
using Gifting.Infra.Cosmos;
using Microsoft.AspNetCore.Diagnostics;

namespace Gifting.Functions.Http;

/// <summary>
/// Turns what escapes an endpoint into a problem: unreadable bodies into 400/413/415, a database still busy after the
/// SDK's retries into 503 <c>service_busy</c> with <c>Retry-After</c>, anything else into a 500 with a correlation id.
/// Request bodies are never logged: they may hold claim codes.
/// </summary>
public sealed partial class ErrorHandling(ILogger<ErrorHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted) return false;
        switch (exception)
        {
            case BadHttpRequestException bad when bad.StatusCode == 413:
                await ProblemWriter.WriteAsync(httpContext, 413, "payload_too_large", "The request body is too large.", "Send a smaller body.");
                return true;
            case BadHttpRequestException bad when bad.StatusCode == 415:
                await ProblemWriter.WriteAsync(httpContext, 415, "unsupported_media_type", "Unsupported content type.", "Send application/json.");
                return true;
            case BadHttpRequestException when exception.InnerException is not JsonException && httpContext.Request.ContentLength is null or 0
                                                && !httpContext.Request.HasJsonContentType():
                await ProblemWriter.WriteAsync(httpContext, 400, "validation_failed", "The request is not valid.",
                    "A route or query parameter has the wrong type.");
                return true;
            case BadHttpRequestException:
                // The JSON path says where the body went wrong without repeating any of its values.
                var path = (exception.InnerException as JsonException)?.Path;
                await ProblemWriter.WriteAsync(httpContext, 400, "invalid_json", "The body is not valid JSON for this request.",
                    "The body must be a JSON object with the documented members and types"
                    + (string.IsNullOrEmpty(path) || path == "$" ? "." : $"; the problem is at {path}."));
                return true;
            case var _ when CosmosBusy.RetryAfter(exception) is { } wait:
                // Not a bug: the database is saturated or unreachable for now, and the request changed nothing it
                // cannot repeat (ledger postings and card changes are create-only or ETag-checked).
                LogBusy(logger, exception, httpContext.Request.Method, httpContext.Request.Path,
                    ProblemWriter.CorrelationId(httpContext));
                httpContext.Response.Headers.RetryAfter =
                    CosmosBusy.RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
                await ProblemWriter.WriteAsync(httpContext, 503, "service_busy", "The service is busy.",
                    "The database is throttled or unavailable. Retry after the time in Retry-After.");
                return true;
            default:
                LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, ProblemWriter.CorrelationId(httpContext));
                await ProblemWriter.WriteAsync(httpContext, 500, "internal_error", "Something went wrong.",
                    "The request failed unexpectedly. Quote the correlation id to support.");
                return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Cosmos DB busy on {Method} {Path} (correlation {CorrelationId})")]
    private static partial void LogBusy(
        ILogger logger, Exception exception, string method, string path, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path} (correlation {CorrelationId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string correlationId);
}
