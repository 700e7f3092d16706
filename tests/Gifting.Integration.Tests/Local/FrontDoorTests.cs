using System.Net;
using System.Text;
using Gifting.LocalHost;
using Microsoft.AspNetCore.Builder;

namespace Gifting.Integration.Tests.Local;

/// <summary>The stand-in's front door serves exactly the paths the Functions host would serve in Azure.</summary>
public sealed class FrontDoorTests : IDisposable
{
    private readonly DirectoryInfo _app = Directory.CreateTempSubdirectory("function-app-");

    [Fact]
    public async Task DeclaredRouteWithAParameter_IsForwardedUnchangedWithTheCallersAddress()
    {
        await using var handler = await EchoHandler.StartAsync();
        await using var front = await StartFrontDoorAsync(handler.Address);
        using var http = new HttpClient { BaseAddress = new Uri(front.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/things/42?x=1&y=two")
        {
            Content = new StringContent("""{"a":1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Custom", "kept");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await http.SendAsync(request);
        var echoed = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", echoed.GetProperty("method").GetString());
        Assert.Equal("/api/things/42", echoed.GetProperty("path").GetString());
        Assert.Equal("?x=1&y=two", echoed.GetProperty("query").GetString());
        Assert.Equal("""{"a":1}""", echoed.GetProperty("body").GetString());
        var headers = echoed.GetProperty("headers");
        Assert.Equal("kept", headers.GetProperty("X-Custom").GetString());
        Assert.Equal("application/json; charset=utf-8", headers.GetProperty("Content-Type").GetString());
        // The caller cannot choose the address the handler rate-limits by.
        Assert.Equal("127.0.0.1", headers.GetProperty("X-Forwarded-For").GetString());
    }

    [Theory]
    [InlineData("POST", "/ProcessRefund")]
    [InlineData("GET", "/redeem")]
    [InlineData("GET", "/api/things/42")]
    [InlineData("POST", "/api/things")]
    [InlineData("POST", "/api/things/42/more")]
    [InlineData("GET", "/")]
    public async Task PathNoFunctionJsonDeclares_IsRefusedByTheFrontDoor(string method, string path)
    {
        await using var handler = await EchoHandler.StartAsync();
        await using var front = await StartFrontDoorAsync(handler.Address);
        using var http = new HttpClient { BaseAddress = new Uri(front.Urls.First()) };

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task DevRoute_IsForwardedWithoutAFunctionJson()
    {
        await using var handler = await EchoHandler.StartAsync();
        await using var front = await StartFrontDoorAsync(handler.Address);
        using var http = new HttpClient { BaseAddress = new Uri(front.Urls.First()) };

        using var response = await http.PostAsync("/api/dev/tokens", new StringContent("{}"));

        Assert.Equal("/api/dev/tokens", (await response.JsonAsync()).GetProperty("path").GetString());
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData("POST", "/api/redemptions", true)]
    [InlineData("GET", "/api/cards/1234567890123456", true)]
    [InlineData("PUT", "/api/balance/preferences", true)]
    [InlineData("GET", "/api/health", true)]
    [InlineData("GET", "/api/redemptions", false)]
    [InlineData("POST", "/ProcessRefund", false)]
    [InlineData("POST", "/ExpirePromotionalCredits", false)]
    [InlineData("GET", "/redeem", true)]
    [InlineData("GET", "/redeem/assets/redeem.js", true)]
    [InlineData("POST", "/api/link-previews", true)]
    [InlineData("POST", "/redeem", false)]
    [InlineData("GET", "/api/redeem", false)]
    [InlineData("GET", "/cards/1234567890123456", false)]
    public void RepositoryRoutes_AreTheRoutePrefixOfHostJsonPlusEachHttpRoute(string method, string path, bool declared)
    {
        var routes = HttpFunctionRoutes.Load(Path.Combine(RepositoryRoot.Find(), "host.json"), FunctionCatalog.Load());

        Assert.Equal(declared, routes.Declares(method, path));
    }

    [Fact]
    public void RoutePrefix_DefaultsToApi_AsTheHostsDoes()
    {
        File.WriteAllText(Path.Combine(_app.FullName, "host.json"), """{"version":"2.0"}""");
        WriteFunction("GetThing", """{"type":"httpTrigger","direction":"in","name":"req","route":"things/{id}"}""");

        var routes = HttpFunctionRoutes.Load(Path.Combine(_app.FullName, "host.json"), Functions());

        Assert.Equal(["api/things/{id}"], routes.Templates);
        Assert.True(routes.Declares("DELETE", "/api/things/1"));
    }

    [Fact]
    public void RouteWithAConstraint_IsRefusedRatherThanMatchedLoosely()
    {
        File.WriteAllText(Path.Combine(_app.FullName, "host.json"), """{"version":"2.0"}""");
        WriteFunction("GetThing", """{"type":"httpTrigger","direction":"in","name":"req","route":"things/{id:int}"}""");

        Assert.Throws<NotSupportedException>(() =>
            HttpFunctionRoutes.Load(Path.Combine(_app.FullName, "host.json"), Functions()));
    }

    public void Dispose() => _app.Delete(recursive: true);

    /// <summary>A function app with one HTTP function with a route parameter, and one queue function.</summary>
    private async Task<WebApplication> StartFrontDoorAsync(Uri handler)
    {
        File.WriteAllText(Path.Combine(_app.FullName, "host.json"),
            """{"version":"2.0","extensions":{"http":{"routePrefix":""}}}""");
        WriteFunction("PostThing",
            """{"type":"httpTrigger","direction":"in","name":"req","route":"api/things/{id}","methods":["post"]}""");
        WriteFunction("ProcessRefund",
            """{"type":"serviceBusTrigger","direction":"in","name":"message","queueName":"refunds"}""", http: false);
        var routes = HttpFunctionRoutes.Load(Path.Combine(_app.FullName, "host.json"), Functions());
        var front = FrontDoor.Build(0, routes, handler, _ => { });
        await front.StartAsync();
        return front;
    }

    private IReadOnlyList<FunctionDefinition> Functions() =>
        FunctionCatalog.Load(Path.Combine(_app.FullName, "functions"));

    private void WriteFunction(string name, string trigger, bool http = true)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_app.FullName, "functions", name));
        var output = http ? """,{"type":"http","direction":"out","name":"res"}""" : "";
        File.WriteAllText(Path.Combine(folder.FullName, "function.json"), $$"""{"bindings":[{{trigger}}{{output}}]}""");
    }
}
