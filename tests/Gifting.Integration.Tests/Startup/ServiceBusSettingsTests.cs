using Azure.Messaging.ServiceBus;
using Gifting.Core.Messaging;
using Gifting.Infra.Messaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Gifting.Integration.Tests.Startup;

/// <summary>
/// Outside Local the app publishes through the Service Bus SDK, and will not start without its settings.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class ServiceBusSettingsTests(CosmosFixture cosmos)
{
    private const string Namespace = "gifting.servicebus.windows.net";

    [Fact]
    public async Task OutsideLocal_WithoutServiceBusSettings_RefusesToStart()
    {
        using var app = Production(new Dictionary<string, string>());

        var error = await app.RefusalToStartAsync<OptionsValidationException>();

        Assert.Contains("ServiceBus:FullyQualifiedNamespace", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ServiceBus:ConnectionString", "Endpoint=sb://gifting.servicebus.windows.net/;SharedAccessKey=b")]
    [InlineData("ServiceBus:ManagedIdentityClientId", "not-a-guid")]
    [InlineData("ServiceBus:MaxRetries", "50")]
    public async Task OutsideLocal_WithContradictoryOrOutOfRangeSettings_RefusesToStart(string key, string value)
    {
        using var app = Production(new() { ["ServiceBus:FullyQualifiedNamespace"] = Namespace, [key] = value });

        var error = await app.RefusalToStartAsync<OptionsValidationException>();

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutsideLocal_WithANamespace_PublishesThroughOneSdkClientOfThatNamespace()
    {
        using var app = Production(new()
        {
            ["ServiceBus:FullyQualifiedNamespace"] = Namespace,
            ["ServiceBus:ManagedIdentityClientId"] = "8f0c2b6e-3a1d-4c5e-9b7a-2d4f6e8a0c1b",
        });
        using var client = app.CreateClient();

        var client1 = app.Services.GetRequiredService<ServiceBusClient>();

        Assert.IsType<ServiceBusMessagePublisher>(app.Services.GetRequiredService<IMessagePublisher>());
        Assert.Same(client1, app.Services.GetRequiredService<ServiceBusClient>());
        Assert.Equal(Namespace, client1.FullyQualifiedNamespace);
    }

    [Fact]
    public void OutsideLocal_WithOnlyAConnectionString_ConnectsToItsNamespace()
    {
        using var app = Production(new()
        {
            ["ServiceBus:ConnectionString"] = $"Endpoint=sb://{Namespace}/;SharedAccessKeyName=send;SharedAccessKey=k",
        });
        using var client = app.CreateClient();

        Assert.Equal(Namespace, app.Services.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Fact]
    public void Local_WithoutServiceBusSettings_StartsAndLeavesPublishingToTheLocalHost()
    {
        using var app = new GiftingFactory(cosmos);
        using var client = app.CreateClient();

        Assert.Null(app.Services.GetService<ServiceBusClient>());
        Assert.Null(app.Services.GetService<IMessagePublisher>());
    }

    private GiftingFactory Production(Dictionary<string, string> settings) =>
        GiftingFactory.Production(cosmos, settings);
}
