using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Gifting.Functions.Http;

/// <summary>
/// Sets the connection's remote address to the client's, as the trusted proxies saw it: the
/// <c>X-Forwarded-For</c> entry <see cref="NetworkOptions.TrustedForwardHops"/> places from the right, without its
/// port. A client can put anything to the left of what the proxies append, so nothing further left counts.
/// </summary>
public static class ForwardedFor
{
    public static IServiceCollection AddForwardedFor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NetworkOptions>().Bind(configuration.GetSection(NetworkOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED adds a reader of these shared options ahead of the pipeline; it would
        // consume entries before ours does, so it is given nothing to read.
        services.PostConfigure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.None);
        return services;
    }

    public static IApplicationBuilder UseForwardedFor(this IApplicationBuilder app)
    {
        var hops = app.ApplicationServices.GetRequiredService<IOptions<NetworkOptions>>().Value.TrustedForwardHops;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor,
            ForwardLimit = hops,
        };
        // Every hop is trusted (the handler listens on loopback), so the middleware walks exactly `hops` entries
        // from the right and stops early only at one it cannot parse.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        app.Use((context, next) =>
        {
            // Fewer entries than hops: the request did not come the configured way, and its leftmost entry may be
            // the client's own. The connection address is the only one left to trust.
            var headers = context.Request.Headers;
            if (headers.GetCommaSeparatedValues(options.ForwardedForHeaderName).Length < hops)
                headers.Remove(options.ForwardedForHeaderName);
            return next(context);
        });
        return app.UseForwardedHeaders(options);
    }
}
