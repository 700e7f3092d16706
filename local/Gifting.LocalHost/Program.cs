using System.Globalization;
using System.Runtime.InteropServices;
using Gifting.LocalHost;

// The local stand-in for Azure: serves Gifting on http://127.0.0.1:$GIFTING_PORT (7071 by default).
var port = int.Parse(Environment.GetEnvironmentVariable("GIFTING_PORT") ?? "7071", CultureInfo.InvariantCulture);
using var stopping = new CancellationTokenSource();
// Ctrl+C and SIGTERM both stop the app and then the emulator it started.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var standIn = await LocalStandIn.StartAsync(
    port, cosmosEndpoint: null, settings: null, runSchedules: true, stopping.Token);
Console.WriteLine(
    $"Gifting is serving on {standIn.Address} (Ctrl+C to stop). Queues: {string.Join(", ", standIn.Queues.Names)}.");
Console.WriteLine($"Email and SMS go to {standIn.Mailbox.Folder} and GET /api/dev/mailbox.");
var emulatorExited = standIn.EmulatorExited;
var stopped = await Task.WhenAny(
    Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default), emulatorExited);
if (stopped == emulatorExited) Console.Error.WriteLine("The Cosmos emulator stopped; stopping Gifting.");

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
