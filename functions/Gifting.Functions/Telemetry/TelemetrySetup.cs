using Gifting.Infra;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gifting.Functions.Telemetry;

public static class TelemetrySetup
{
    /// <summary>The Functions host's setting: set, the app exports to that Application Insights resource.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry for the app's spans and counters and for ASP.NET Core and outgoing HTTP: exported to Application
    /// Insights with the managed identity's token when the connection string is set, to the console when
    /// <c>Telemetry:Console</c> is on, and otherwise recorded for nobody.
    /// </summary>
    public static IServiceCollection AddGiftingTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // Read once here, where the exporters are chosen; the same values are validated at start-up above.
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        var connectionString = configuration[ConnectionStringSetting];
        var telemetry = services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(GiftingTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(GiftingTelemetry.Name));
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            // The distro adds the ASP.NET Core and HTTP client instrumentation itself, and the logs.
            telemetry.UseAzureMonitor(monitor =>
            {
                monitor.ConnectionString = connectionString;
                monitor.Credential = ManagedIdentity.Credential(options.ManagedIdentityClientId);
            });
        }
        else
        {
            telemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation());
        }
        if (options.Console)
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter());
        return services;
    }
}
