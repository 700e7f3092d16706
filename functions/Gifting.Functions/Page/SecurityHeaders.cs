namespace Gifting.Functions.Page;

/// <summary>
/// Headers on every answer, page or API: no MIME sniffing, no Referer (a one-click link's token is in the page's
/// first URL), and no framing. The redeem page gets its strict policy (own script and style only); every other
/// answer is data and may load nothing at all.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, RedeemPageAssets assets)
{
    private const string DataOnly = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy =
                context.Request.Path.StartsWithSegments("/redeem") ? assets.ContentSecurityPolicy : DataOnly;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
