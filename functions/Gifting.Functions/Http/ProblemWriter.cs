using System.Diagnostics;
using Gifting.Infra.Json;
using Microsoft.AspNetCore.Mvc;

namespace Gifting.Functions.Http;

/// <summary>Writes RFC 9457 problems with the contract's stable <c>code</c> and a correlation id.</summary>
public static class ProblemWriter
{
    public static Task WriteAsync(HttpContext context, int status, string code, string title, string detail) =>
        WriteAsync(context, status, code, title, detail, null);

    /// <summary>As the other overload, with <paramref name="errors"/>, if any, as the <c>errors</c>.</summary>
    public static Task WriteAsync(
        HttpContext context, int status, string code, string title, string detail, object? errors) =>
        WriteAsync(context, status, code, title, detail, errors, extensions: null);

    /// <summary>As the other overloads, with <paramref name="extensions"/> as further members of the problem.</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string title, string detail,
        object? errors, IReadOnlyDictionary<string, object?>? extensions)
    {
        var problem = new ProblemDetails
        {
            Type = "urn:gifting:problem:" + code,
            Title = title,
            Status = status,
            Detail = detail,
            Extensions = { ["code"] = code, ["correlationId"] = CorrelationId(context) },
        };
        if (errors is not null) problem.Extensions["errors"] = errors;
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[name] = value;
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            problem, GiftingJson.Options, "application/problem+json", context.RequestAborted);
    }

    /// <summary>413: the same answer whether the length was declared or found while reading.</summary>
    public static Task PayloadTooLargeAsync(HttpContext context, long limit) =>
        WriteAsync(context, 413, ProblemCodes.PayloadTooLarge, "The request body is too large.",
            $"The limit is {limit} bytes.");

    public static string CorrelationId(HttpContext context) =>
        Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    /// <summary>The problem code for a bare status the framework produced (401, 403, 404, 405...).</summary>
    public static string CodeForStatus(int status) => status switch
    {
        400 => ProblemCodes.BadRequest,
        401 => ProblemCodes.Unauthorized,
        403 => ProblemCodes.Forbidden,
        404 => ProblemCodes.NotFound,
        405 => ProblemCodes.MethodNotAllowed,
        413 => ProblemCodes.PayloadTooLarge,
        415 => ProblemCodes.UnsupportedMediaType,
        _ => status >= 500 ? ProblemCodes.InternalError : ProblemCodes.RequestFailed,
    };
}
