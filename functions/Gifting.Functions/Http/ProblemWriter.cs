using System.Diagnostics;
using Gifting.Infra.Json;
using Microsoft.AspNetCore.Mvc;

namespace Gifting.Functions.Http;

/// <summary>Writes RFC 9457 problems with the contract's stable <c>code</c> and a correlation id.</summary>
public static class ProblemWriter
{
    public static Task WriteAsync(HttpContext context, int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails
        {
            Type = "urn:gifting:problem:" + code,
            Title = title,
            Status = status,
            Detail = detail,
            Extensions = { ["code"] = code, ["correlationId"] = CorrelationId(context) },
        };
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, GiftingJson.Options, "application/problem+json", context.RequestAborted);
    }

    public static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    /// <summary>The problem code for a bare status the framework produced (401, 403, 404, 405...).</summary>
    public static string CodeForStatus(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        _ => status >= 500 ? "internal_error" : "request_failed",
    };
}
