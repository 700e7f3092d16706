using Microsoft.Net.Http.Headers;

namespace Gifting.Functions.Page;

/// <summary>
/// <c>GET /redeem</c> and its files under <c>/redeem/assets/</c>. The page itself never redeems: opening a link
/// (<c>?t=</c>) only serves the same HTML, and the script asks before applying anything.
/// </summary>
public static class RedeemPageEndpoints
{
    public static void MapRedeemPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/redeem", (HttpContext http, RedeemPageAssets assets) => Serve(http, assets.Page, "no-cache"))
            .ExcludeFromDescription();
        app.MapGet("/redeem/assets/{name}", (string name, HttpContext http, RedeemPageAssets assets) =>
                assets.File(name) is { } file ? Serve(http, file, "public, max-age=300") : Results.NotFound())
            .ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext http, Asset asset, string cacheControl)
    {
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
