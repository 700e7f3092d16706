using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Gifting.Integration.Tests.Local;

/// <summary>
/// A handler that answers every path with what it received, so a 404 seen through the front door can only come
/// from the front door itself, and a forwarded request can be compared with the one that was sent.
/// </summary>
internal sealed class EchoHandler : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private EchoHandler(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.First());
    public int Calls => Volatile.Read(ref _calls);

    public static async Task<EchoHandler> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var echo = new EchoHandler(builder.Build());
        echo._app.Map("/{**path}", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref echo._calls);
            using var reader = new StreamReader(request.Body);
            return Results.Ok(new
            {
                method = request.Method,
                path = request.Path.Value,
                query = request.QueryString.Value,
                headers = request.Headers.ToDictionary(
                    h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted),
            });
        });
        await echo._app.StartAsync();
        return echo;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
