using System.Globalization;
using System.Runtime.InteropServices;
using Gifting.LocalHost;

// The local stand-in for the Azure Functions host: the Cosmos emulator, the custom handler, and a front door on
// http://127.0.0.1:$GIFTING_PORT (7071 by default) that forwards HTTP functions to the handler.
var port = int.Parse(Environment.GetEnvironmentVariable("GIFTING_PORT") ?? "7071", CultureInfo.InvariantCulture);
using var stopping = new CancellationTokenSource();
// Ctrl+C and SIGTERM both stop the app and then the emulator it started.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var emulator = await CosmosEmulator.StartAsync(stopping.Token);
Console.WriteLine($"Cosmos emulator listening on {emulator.Endpoint}");
var (handler, handlerAddress) = await LocalHandler.StartAsync(emulator.Endpoint, stopping.Token);
await using var _ = handler;

var front = WebApplication.CreateSlimBuilder(args);
front.WebHost.UseUrls($"http://127.0.0.1:{port}");
front.Logging.SetMinimumLevel(LogLevel.Warning);
front.Services.AddSingleton(new HttpForwarder(new HttpClient { BaseAddress = handlerAddress, Timeout = Timeout.InfiniteTimeSpan }));
var app = front.Build();
app.Run(context => context.RequestServices.GetRequiredService<HttpForwarder>().ForwardAsync(context));
await app.StartAsync(stopping.Token);
Console.WriteLine($"Gifting is serving on http://127.0.0.1:{port} (Ctrl+C to stop)");
var stopped = await Task.WhenAny(Task.Delay(Timeout.Infinite, stopping.Token), emulator.Exited);
if (stopped == emulator.Exited) Console.Error.WriteLine("The Cosmos emulator stopped; stopping Gifting.");
await app.StopAsync(CancellationToken.None);
await handler.StopAsync(CancellationToken.None);

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
