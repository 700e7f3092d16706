using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Gifting.Functions.Http;

/// <summary>
/// Every body the API reads is UTF-8 (RFC 8259 for JSON; the order CSV too). A body declared in another charset, or
/// in one nobody knows, is refused with 415 before anything reads it, rather than decoded in a way no reader expects;
/// UTF-8 named in another spelling (<c>UTF8</c>, quoted, or its subset US-ASCII) is read as <c>utf-8</c>.
/// </summary>
public sealed class Utf8Bodies(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!ReadsBody(context) || context.Request.ContentType is not { Length: > 0 } declared
            || !MediaTypeHeaderValue.TryParse(declared, out var contentType) || !contentType.Charset.HasValue)
            return next(context);
        var charset = contentType.Charset.ToString().Trim('"').ToUpperInvariant();
        if (charset is not ("UTF-8" or "UTF8" or "US-ASCII"))
            return ProblemWriter.WriteAsync(context, 415, ProblemCodes.UnsupportedMediaType,
                "Unsupported content type.", "Send the body in UTF-8, with no charset or charset=utf-8.");
        contentType.Charset = "utf-8";
        context.Request.ContentType = contentType.ToString();
        return next(context);
    }

    private static bool ReadsBody(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.RequestType is not null)
        ?? false;
}
