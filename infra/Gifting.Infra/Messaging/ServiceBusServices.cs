using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Gifting.Core.Messaging;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gifting.Infra.Messaging;

public static class ServiceBusServices
{
    /// <summary>
    /// Registers the one <see cref="ServiceBusClient"/> of the process (through Microsoft.Extensions.Azure) and the
    /// publisher behind <see cref="IMessagePublisher"/>; the settings are validated when the app starts.
    /// </summary>
    public static IServiceCollection AddServiceBusPublishing(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceBusOptions>()
            .Bind(configuration.GetSection(ServiceBusOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAzureClients(clients => clients
            .AddClient<ServiceBusClient, ServiceBusClientOptions>((clientOptions, credential, provider) =>
            {
                var options = provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value;
                clientOptions.RetryOptions = RetryOptions(options);
                return options.UsesConnectionString
                    ? new ServiceBusClient(options.ConnectionString, clientOptions)
                    : new ServiceBusClient(options.FullyQualifiedNamespace, credential, clientOptions);
            })
            .WithCredential(provider =>
                Credential(provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value)));
        services.AddSingleton<IMessagePublisher, ServiceBusMessagePublisher>();
        return services;
    }

    public static ServiceBusRetryOptions RetryOptions(ServiceBusOptions options) => new()
    {
        Mode = ServiceBusRetryMode.Exponential,
        MaxRetries = options.MaxRetries,
        Delay = options.RetryDelay,
        MaxDelay = options.MaxRetryDelay,
        TryTimeout = options.TryTimeout,
    };

    private static ManagedIdentityCredential Credential(ServiceBusOptions options) =>
        ManagedIdentity.Credential(options.ManagedIdentityClientId);
}
