using Gifting.Core;
using Gifting.Functions.Auth;
using Gifting.Functions.Delivery;
using Gifting.Functions.Endpoints;
using Gifting.Functions.Http;
using Gifting.Functions.OpenApi;
using Gifting.Functions.Orders;
using Gifting.Functions.Page;
using Gifting.Functions.Responses;
using Gifting.Functions.Telemetry;
using Gifting.Functions.Triggers;
using Gifting.Infra;
using Gifting.Infra.Communication;
using Gifting.Infra.Cosmos;
using Gifting.Infra.Json;
using Gifting.Infra.Messaging;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace Gifting.Functions;

/// <summary>The composition root of the custom handler: configuration, services, pipeline and routes.</summary>
public static class GiftingApp
{
    public const string LocalEnvironment = "Local";

    /// <summary>The category of ASP.NET Core's "Request starting GET http://.../redeem?t=..." lines.</summary>
    public const string RequestLines = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private static readonly Dictionary<string, string?> QuietFramework = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Lowest in precedence, so any setting overrides them: the framework's per-request lines (the full URL of
        // every request among them) cost more to ship than they tell, and warnings still show.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietFramework });
        // The Functions host calls the handler on 127.0.0.1 at the port it chose.
        if (Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is { Length: > 0 } port)
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        configure?.Invoke(builder);
        // The framework's request lines carry the full URL, and a one-click link's token is in the URL of the page
        // it opens: they stay off whatever the configuration says (added after it, this rule wins for the category).
        builder.Logging.AddFilter(RequestLines, LogLevel.Warning);
        AddServices(builder.Services, builder.Configuration, builder.Environment);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(
        IServiceCollection services, ConfigurationManager configuration, IWebHostEnvironment environment)
    {
        services.ConfigureHttpJsonOptions(o => GiftingJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ErrorHandling>();
        services.AddProblemDetails();
        services.AddForwardedFor(configuration);
        services.AddGiftingAuth(configuration);
        services.AddGiftingOpenApi();
        services.AddGiftingCore();
        services.AddGiftingInfra(configuration);
        // Locally there is no Service Bus: whoever runs the handler there (the local stand-in) registers its own
        // publisher over its own queues. Everywhere else messages go through the SDK, and its settings are required.
        if (!environment.IsEnvironment(LocalEnvironment)) services.AddServiceBusPublishing(configuration);
        // In every environment the real ACS clients send; locally the stand-in's own ACS endpoint receives.
        services.AddAcsDelivery(configuration);

        services.AddSetting(configuration, ClaimCodeOptions.Section, (ClaimCodeOptions o) => o.CreateHasher());
        services.AddCodeEncryption(configuration);
        services.AddSetting(configuration, RedemptionOptions.Section, (RedemptionOptions o) => o.ToLimits());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RedemptionOptions>>().Value.ToReviewPolicy());
        services.AddSetting(configuration, VelocityOptions.Section, (VelocityOptions o) => o.ToLimits());
        services.AddSetting(configuration, PromotionOptions.Section, (PromotionOptions o) => o.ToLimits());
        services.AddSetting(configuration, RefundOptions.Section, (RefundOptions o) => o.ToLimits());
        services.AddSetting(configuration, FundingOptions.Section, (FundingOptions o) => o.ToLimits());
        services.AddSetting(configuration, OrderOptions.Section, (OrderOptions o) => o.ToLimits());
        services.AddSetting(configuration, LinkOptions.Section, (LinkOptions o) => o.ToLimits());
        services.AddSetting(configuration, DeliveryOptions.Section, (DeliveryOptions o) => o.ToSettings());
        services.AddSingleton<OrderLinesReader>();
        services.AddGiftMessages(configuration);
        services.AddOptions<SignInOptions>().Bind(configuration.GetSection(SignInOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => RedeemPageAssets.Load(RedeemPageAssets.DefaultFolder,
            sp.GetRequiredService<AuthOptions>(), sp.GetRequiredService<IOptions<SignInOptions>>().Value));
        services.AddGiftingTelemetry(configuration);
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            return ProblemWriter.WriteAsync(context.HttpContext, status, ProblemWriter.CodeForStatus(status),
                ReasonPhrase(status), "See the API contract for this route.");
        });
        app.UseForwardedFor();
        app.UseRouting();
        app.UseMiddleware<BodyLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<Utf8Bodies>();
        app.UseMiddleware<Idempotency>();

        // The Functions host counts any answer on / as "ready".
        app.MapGet("/", () => Results.Ok(HealthResponse.Ok)).ExcludeFromDescription();
        app.MapGet("/api/health", async (GiftingContainers containers, CancellationToken ct) =>
        {
            await containers.PingAsync(ct);
            return Results.Ok(HealthResponse.Ok);
        }).Produces<HealthResponse>().DescribeProblems();
        app.MapGiftingOpenApi();
        app.MapRedemptions();
        app.MapLinkPreviews();
        app.MapRedeemPage();
        app.MapBalance();
        app.MapCards();
        app.MapAccounts();
        app.MapControls();
        app.MapReviews();
        app.MapSupport();
        app.MapOperations();
        app.MapReports();
        app.MapFunding();
        app.MapOrders();
        app.MapRefundTrigger();
        app.MapOrderChunkTrigger();
        app.MapDeliveryTrigger();
        app.MapExpiryTimer();
        app.MapRedemptionSweepTimer();
        app.MapOrderSweepTimer();
        if (app.Environment.IsEnvironment(LocalEnvironment) && app.Services.GetRequiredService<AuthOptions>().IsLocal)
        {
            app.MapDevTokens();
            app.MapDevPing();
        }
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase
            ? phrase
            : "Request failed";
}
