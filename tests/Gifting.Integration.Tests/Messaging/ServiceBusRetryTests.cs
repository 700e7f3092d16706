using Azure.Messaging.ServiceBus;
using Gifting.Infra.Messaging;

namespace Gifting.Integration.Tests.Messaging;

/// <summary>Retrying a send is the SDK's job, bounded by the settings; the adapter has no loop of its own.</summary>
public sealed class ServiceBusRetryTests
{
    [Fact]
    public void RetryOptions_AreExponentialWithinTheConfiguredBounds()
    {
        var options = new ServiceBusOptions
        {
            MaxRetries = 5, RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(20),
            TryTimeout = TimeSpan.FromSeconds(10),
        };

        var retry = ServiceBusServices.RetryOptions(options);

        Assert.Equal(ServiceBusRetryMode.Exponential, retry.Mode);
        Assert.Equal(5, retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(20), retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), retry.TryTimeout);
    }
}
