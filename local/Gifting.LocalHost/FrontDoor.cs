namespace Gifting.LocalHost;

/// <summary>
/// The public side of the stand-in, as the Functions host is in Azure: it answers the paths of HTTP functions by
/// proxying them to the handler with YARP's forwarder (what the host uses for <c>enableProxyingHttpRequest</c>), and
/// answers every other path 404 itself, so the handler's invocation routes stay out of reach.
/// </summary>
public static class FrontDoor
{
    /// <summary>
    /// Local-only routes, served by the stand-in or by the handler in Local mode; no function.json declares them.
    /// </summary>
    public const string DevPrefix = "/api/dev";

    public static WebApplication Build(
        int port, HttpFunctionRoutes routes, Uri handler, Action<WebApplication> mapLocalRoutes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        app.Use((context, next) =>
            routes.Declares(context.Request.Method, context.Request.Path)
            || context.Request.Path.StartsWithSegments(DevPrefix)
                ? next(context)
                : Results.NotFound().ExecuteAsync(context));
        mapLocalRoutes(app);
        // YARP's default transforms, as the host uses them: method, path, query, headers and body pass unchanged,
        // X-Forwarded-For is set to the caller's address (replacing any the caller sent) and Host to the handler's.
        app.MapForwarder("/{**path}", handler.ToString());
        return app;
    }
}
