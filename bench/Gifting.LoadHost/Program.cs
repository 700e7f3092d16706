using System.Globalization;
using System.Runtime.InteropServices;
using Gifting.LoadHost;
using Gifting.LocalHost;

// The local stand-in for load runs: `memory` puts the in-memory stores behind the handler, `emulator` runs it
// against the npm Cosmos emulator as local/Gifting.LocalHost does. Timers do not run, so only the load is measured.
var stores = args is [var mode] ? mode : "";
if (stores is not ("memory" or "emulator"))
{
    Console.Error.WriteLine("Usage: Gifting.LoadHost memory|emulator   (serves on 127.0.0.1:$GIFTING_PORT)");
    return 2;
}
var port = int.Parse(Environment.GetEnvironmentVariable("GIFTING_PORT") ?? "7071", CultureInfo.InvariantCulture);
using var stopping = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

// With in-memory stores nothing may reach a database: the endpoint is the discard port, refused at once.
await using var standIn = stores == "memory"
    ? await LocalStandIn.StartAsync(
        port, "http://127.0.0.1:9/", settings: null, runSchedules: false, InMemoryStores.Use, stopping.Token)
    : await LocalStandIn.StartAsync(port, cosmosEndpoint: null, settings: null, runSchedules: false, stopping.Token);
Console.WriteLine($"Gifting ({stores} stores) is serving on {standIn.Address}.");
await Task.WhenAny(Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default),
    standIn.EmulatorExited);
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
