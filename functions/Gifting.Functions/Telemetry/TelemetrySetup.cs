namespace Gifting.Functions.Telemetry;

public static class TelemetrySetup
{
    /// <summary>The telemetry settings, validated at start-up.</summary>
    public static IServiceCollection AddGiftingTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
