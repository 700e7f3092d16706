namespace Gifting.Integration.Tests.Http;

/// <summary>The load script's baseline route: the whole pipeline, no store, and only in local mode.</summary>
[Collection(CosmosCollection.Name)]
public sealed class DevPingTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task DevPing_InLocalMode_AnswersWithoutAnyCosmosOperation()
    {
        var counter = new CosmosOperationCounter();
        using var app =
            new GiftingFactory(cosmos, services => CosmosOperationCounter.Install(services, cosmos, counter));
        var client = app.CreateClient();
        await client.GetAsync("/api/dev/ping");
        counter.Reset();

        using var response = await client.GetAsync("/api/dev/ping");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("ok", (await response.JsonAsync()).GetProperty("status").GetString());
        Assert.Empty(counter.Operations);
    }

    [Fact]
    public async Task DevPing_DoesNotExistOutsideLocalMode()
    {
        using var app = GiftingFactory.Production(cosmos,
            new() { ["ServiceBus:FullyQualifiedNamespace"] = "gifting.servicebus.windows.net" });
        var client = app.CreateClient();

        using var response = await client.GetAsync("/api/dev/ping");

        Assert.Equal(404, (int)response.StatusCode);
    }
}
