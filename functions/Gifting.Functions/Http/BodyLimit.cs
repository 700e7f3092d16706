using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gifting.Functions.Http;

/// <summary>
/// Refuses bodies over the endpoint's limit (64 KiB unless the endpoint says otherwise) before anything reads them.
/// Kestrel enforces the same limit on bodies without a Content-Length.
/// </summary>
public sealed class BodyLimit(RequestDelegate next)
{
    public const long DefaultLimit = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultLimit;
        if (context.Request.ContentLength > limit)
            return ProblemWriter.PayloadTooLargeAsync(context, limit);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        return next(context);
    }
}
