using System.Text.Json;
using Gifting.LocalHost;
using Microsoft.AspNetCore.Routing;

namespace Gifting.Integration.Tests.Http;

[Collection(CosmosCollection.Name)]
public sealed class HostContractTests(CosmosFixture cosmos)
{
    [Fact]
    public void EveryHttpRoute_HasAFunctionJsonAndEveryFunctionJson_HasARoute()
    {
        using var app = new GiftingFactory(cosmos);
        var root = RepositoryRoot.Find();
        var invoked = FunctionCatalog.Load().Where(f => f.Trigger.Type != "httpTrigger").Select(f => f.Name)
            .ToHashSet();
        // Every handler route but the readiness probe, the invocation routes and the local-only dev routes.
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .Where(r => r.Length > 0 && !invoked.Contains(r) && !r.StartsWith("api/dev/", StringComparison.Ordinal))
            .ToHashSet();
        var prefix = RoutePrefix(Path.Combine(root, "host.json"));
        var declared = Directory.GetFiles(Path.Combine(root, "functions", "Gifting.Functions", "Functions"),
                "function.json", SearchOption.AllDirectories)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("bindings")[0])
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Select(b => b.GetProperty("route").GetString()!)
            .Select(route => prefix.Length == 0 ? route : $"{prefix}/{route}")
            .ToHashSet();

        Assert.Contains("api/cards/{serial}", declared);
        Assert.Contains("api/orders/{orderId}/lines", declared);
        Assert.Contains("api/orders/{orderId}/lines/{lineId}/resend", declared);
        // The redeem page is at /redeem in Azure too: host.json's route prefix is empty, and API routes spell api/.
        Assert.Empty(prefix);
        Assert.Contains("redeem", declared);
        Assert.Contains("redeem/assets/{name}", declared);
        Assert.Contains("api/link-previews", declared);
        Assert.Equal(routes.Order(), declared.Order());
    }

    private static string RoutePrefix(string hostJson) =>
        JsonDocument.Parse(File.ReadAllText(hostJson)).RootElement
            .GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString()!;

    [Fact]
    public void EveryNonHttpFunction_HasAnInvocationRoute()
    {
        using var app = new GiftingFactory(cosmos);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();
        var invoked = FunctionCatalog.Load().Where(f => f.Trigger.Type != "httpTrigger").Select(f => f.Name).ToList();

        Assert.Contains("ProcessRefund", invoked);
        Assert.Contains("ExpirePromotionalCredits", invoked);
        Assert.Contains("SweepRedemptions", invoked);
        Assert.Contains("ProcessOrderChunk", invoked);
        Assert.Contains("SweepOrders", invoked);
        Assert.Contains("DeliverGift", invoked);
        Assert.All(invoked, name => Assert.Contains(name, routes));
    }

    [Fact]
    public async Task HealthAndRoot_AnswerOnceReady()
    {
        using var app = new GiftingFactory(cosmos);
        var client = app.CreateClient();

        Assert.Equal(
            "ok", (await (await client.GetAsync("/api/health")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(200, (int)(await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task DevTokens_DoNotExistOutsideLocalMode()
    {
        using var app = GiftingFactory.Production(cosmos,
            new() { ["ServiceBus:FullyQualifiedNamespace"] = "gifting.servicebus.windows.net" });
        var client = app.CreateClient();

        using var response =
            await client.PostJsonAsync("/api/dev/tokens", new { sub = "x", roles = new[] { "admin" } });

        Assert.Equal(404, (int)response.StatusCode);
    }
}
