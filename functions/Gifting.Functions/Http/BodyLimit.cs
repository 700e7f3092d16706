using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gifting.Functions.Http;

/// <summary>
/// Refuses bodies over the endpoint's limit (64 KiB unless the endpoint says otherwise) before anything reads them.
/// Kestrel enforces the same limit on bodies without a Content-Length. An endpoint that disables the limit (a host
/// invocation route, where a 413 would fail the invocation) bounds what it reads itself.
/// </summary>
public sealed class BodyLimit(RequestDelegate next)
{
    public const long DefaultLimit = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = declared is null ? DefaultLimit : declared.MaxRequestBodySize;
        if (limit is not null && context.Request.ContentLength > limit)
            return ProblemWriter.PayloadTooLargeAsync(context, limit.Value);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        return next(context);
    }
}
