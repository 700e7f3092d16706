using Gifting.Functions;

namespace Gifting.Integration.Tests.Startup;

/// <summary>
/// The app's own log lines are kept and the framework's per-request ones are not, unless configuration says
/// otherwise: those name every request's full URL, and would be shipped and paid for on every request.
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
    public async Task App_WhenConfigured_LogsFrameworkInformationToo()
    {
        await using var app = GiftingApp.Build(["--Logging:LogLevel:Microsoft.AspNetCore=Information"]);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }
}
