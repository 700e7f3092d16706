using Gifting.Core.Messaging;
using Gifting.Functions.Http;

namespace Gifting.LocalHost;

/// <summary>
/// Everything the Functions host and Azure provide, on one machine: the Cosmos emulator, the handler started as the
/// host would start it, a front door that forwards HTTP functions, Service Bus queues and timers driven through the
/// handler's invocation contract, the handler's message publisher onto those queues, ACS with its mailbox, and the
/// local-only dev routes.
/// </summary>
public sealed class LocalStandIn : IAsyncDisposable
{
    private CosmosEmulator? _emulator;
    private LocalAcs? _acs;
    private WebApplication? _handler;
    private WebApplication? _front;
    private HttpClient? _handlerClient;

    private LocalStandIn()
    {
    }

    public Uri Address { get; private set; } = null!;
    public LocalQueues Queues { get; private set; } = null!;
    public LocalTimers Timers { get; private set; } = null!;
    public IServiceProvider HandlerServices => _handler!.Services;

    /// <summary>What the handler "sent" by email and SMS.</summary>
    public LocalMailbox Mailbox => _acs!.Mailbox;

    /// <summary>The emulator's end, if this stand-in started it.</summary>
    public Task EmulatorExited => _emulator?.Exited ?? Task.Delay(Timeout.Infinite);

    public static Task<LocalStandIn> StartAsync(
        int port, string? cosmosEndpoint, IReadOnlyDictionary<string, string?>? settings, bool runSchedules,
        CancellationToken cancellationToken) =>
        StartAsync(port, cosmosEndpoint, settings, runSchedules, configureHandler: null, cancellationToken);

    /// <summary>
    /// Starts the stand-in; <c>configureHandler</c> runs on the handler's builder before the app adds its services,
    /// for a host that changes them (the load benchmark's in-memory stores). The handler's <c>Communication</c>
    /// settings name the stand-in's own ACS, over any given in <c>settings</c>; <c>configureHandler</c> can add a
    /// configuration source that names another.
    /// </summary>
    public static async Task<LocalStandIn> StartAsync(
        int port, string? cosmosEndpoint, IReadOnlyDictionary<string, string?>? settings, bool runSchedules,
        Action<WebApplicationBuilder>? configureHandler, CancellationToken cancellationToken)
    {
        var standIn = new LocalStandIn();
        try
        {
            await standIn.StartCoreAsync(
                port, cosmosEndpoint, settings, runSchedules, configureHandler, cancellationToken);
            return standIn;
        }
        catch
        {
            await standIn.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(
        int port, string? cosmosEndpoint, IReadOnlyDictionary<string, string?>? settings, bool runSchedules,
        Action<WebApplicationBuilder>? configureHandler, CancellationToken cancellationToken)
    {
        if (cosmosEndpoint is null)
        {
            _emulator = await CosmosEmulator.StartAsync(cancellationToken);
            cosmosEndpoint = _emulator.Endpoint;
        }
        // The queues exist before the handler starts, so the handler's publisher can feed them from its first request.
        var handlerPort = LocalHandler.FreePort();
        var handlerAddress = LocalHandler.Address(handlerPort);
        _handlerClient = new HttpClient { BaseAddress = handlerAddress, Timeout = Timeout.InfiniteTimeSpan };
        var functions = FunctionCatalog.Load();
        var invoker = new HandlerInvoker(_handlerClient, TimeProvider.System);
        Queues = new LocalQueues(functions, invoker, TimeProvider.System);
        var publisher = new LocalMessagePublisher(Queues);
        _acs = await LocalAcs.StartAsync(new LocalMailbox(LocalMailbox.DefaultFolder()), LocalSettings.EmailSender,
            LocalSettings.SmsFrom, TimeProvider.System, cancellationToken);
        // The front door listens first, so links in the messages the handler sends name its real address.
        var routes = HttpFunctionRoutes.Load(Path.Combine(RepositoryRoot.Find(), "host.json"), functions);
        _front = FrontDoor.Build(port, routes, handlerAddress, MapDevRoutes);
        await _front.StartAsync(cancellationToken);
        Address = new Uri(_front.Urls.First());
        var handlerSettings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        handlerSettings.TryAdd("Delivery:PublicBaseUrl", Address.GetLeftPart(UriPartial.Authority) + "/");
        foreach (var (name, value) in LocalSettings.Communication(_acs.Endpoint, _acs.AccessKey))
            handlerSettings[name] = value;
        _handler = await LocalHandler.StartAsync(handlerPort, cosmosEndpoint, handlerSettings, builder =>
        {
            builder.Services.AddSingleton<IMessagePublisher>(publisher);
            configureHandler?.Invoke(builder);
        }, cancellationToken);
        Timers = new LocalTimers(functions, invoker, TimeProvider.System, runSchedules);

    }

    private void MapDevRoutes(WebApplication app)
    {
        app.MapPost("/api/dev/queues/{queue}/messages", async (string queue, HttpRequest request) =>
        {
            if (!Queues.Exists(queue)) return NotFound($"No function reads the queue '{queue}'.");
            using var reader = new StreamReader(request.Body);
            Queues.Enqueue(queue, await reader.ReadToEndAsync(request.HttpContext.RequestAborted));
            return Results.Accepted();
        });
        app.MapGet("/api/dev/queues/{queue}/dead-letters", (string queue) =>
            Queues.Exists(queue)
                ? Results.Ok(new { items = Queues.DeadLetters(queue), nextCursor = (string?)null })
                : NotFound($"No queue '{queue}'."));
        app.MapGet("/api/dev/mailbox", () =>
            Results.Ok(new { items = Mailbox.Messages, nextCursor = (string?)null }));
        app.MapPost("/api/dev/functions/{functionName}/run",
            async (string functionName, CancellationToken cancellationToken) =>
            {
                if (!Timers.Exists(functionName)) return NotFound($"No timer function '{functionName}'.");
                var outcome = await Timers.RunNowAsync(functionName, cancellationToken);
                return outcome.Succeeded
                    ? Results.Ok(new { function = functionName, status = "completed" })
                    : Problems.Of(502, "function_failed", "The function failed.", outcome.Detail);
            });
    }

    private static IResult NotFound(string detail) => Problems.Of(404, "not_found", "Not found.", detail);

    public async ValueTask DisposeAsync()
    {
        if (_front is not null) await _front.DisposeAsync();
        if (Queues is not null) await Queues.DisposeAsync();
        if (Timers is not null) await Timers.DisposeAsync();
        if (_handler is not null) await _handler.DisposeAsync();
        _handlerClient?.Dispose();
        if (_acs is not null) await _acs.DisposeAsync();
        if (_emulator is not null) await _emulator.DisposeAsync();
    }
}
