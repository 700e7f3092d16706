using Azure.Core;
using Azure.Identity;
using Gifting.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gifting.Infra.Communication;

public static class AcsServices
{
    /// <summary>The key of the <see cref="TokenCredential"/> used for ACS when no access key is configured.</summary>
    public const string CredentialKey = "Communication";

    /// <summary>
    /// Registers <see cref="IEmailSender"/> and <see cref="ISmsSender"/> as typed ACS clients of the
    /// <c>Communication</c> settings, validated when the app starts. Requests are signed with the access key of
    /// <c>Communication:ConnectionString</c>, or carry a managed-identity token when only an endpoint is given.
    /// </summary>
    public static IServiceCollection AddAcsDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AcsOptions>()
            .Bind(configuration.GetSection(AcsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TokenCredential>(CredentialKey, (provider, _) =>
            Credential(provider.GetRequiredService<IOptions<AcsOptions>>().Value));
        services.TryAddSingleton(provider => new AcsTokenSource(
            provider.GetRequiredKeyedService<TokenCredential>(CredentialKey),
            provider.GetRequiredService<TimeProvider>()));
        services.AddHttpClient<AcsEmailClient>(Configure).AddHttpMessageHandler(Authentication);
        services.AddHttpClient<AcsSmsClient>(Configure).AddHttpMessageHandler(Authentication);
        services.AddTransient<IEmailSender>(provider => provider.GetRequiredService<AcsEmailClient>());
        services.AddTransient<ISmsSender>(provider => provider.GetRequiredService<AcsSmsClient>());
        return services;
    }

    private static void Configure(IServiceProvider provider, HttpClient client) =>
        client.Timeout = provider.GetRequiredService<IOptions<AcsOptions>>().Value.RequestTimeout;

    private static DelegatingHandler Authentication(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AcsOptions>>().Value;
        return options.UsesAccessKey
            ? new AcsHmacSigningHandler(AcsConnectionString.TryParse(options.ConnectionString!, out _)!.AccessKey,
                provider.GetRequiredService<TimeProvider>())
            : new AcsBearerHandler(provider.GetRequiredService<AcsTokenSource>());
    }

    private static ManagedIdentityCredential Credential(AcsOptions options) =>
        ManagedIdentity.Credential(options.ManagedIdentityClientId);
}
