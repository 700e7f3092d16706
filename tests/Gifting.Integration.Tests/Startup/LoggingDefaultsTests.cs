using Gifting.Functions;

namespace Gifting.Integration.Tests.Startup;

/// <summary>
/// The app's own log lines are kept and the framework's are not, unless configuration says otherwise; its
/// per-request lines never are: they name every request's full URL, a one-click link's token among them.
/// </summary>
public sealed class LoggingDefaultsTests
{
    [Fact]
    public async Task App_ByDefault_LogsItsOwnInformationButOnlyFrameworkWarnings()
    {
        await using var app = GiftingApp.Build([]);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Gifting.Functions.Triggers.RefundTrigger").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task App_WhenConfigured_LogsFrameworkInformationToo_ButNeverTheRequestLines()
    {
        await using var app = GiftingApp.Build([
            "--Logging:LogLevel:Microsoft.AspNetCore=Trace",
            $"--Logging:LogLevel:{GiftingApp.RequestLines}=Trace",
        ]);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware")
            .IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger(GiftingApp.RequestLines).IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger(GiftingApp.RequestLines).IsEnabled(LogLevel.Warning));
    }
}
