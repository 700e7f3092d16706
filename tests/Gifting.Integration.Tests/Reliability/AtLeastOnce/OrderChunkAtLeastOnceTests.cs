using System.Net;
using Gifting.Core.Messaging;
using Gifting.Integration.Tests.Orders;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.AtLeastOnce;

/// <summary>
/// <c>ProcessOrderChunk</c> under at-least-once delivery: each chunk message ten times, a later chunk before an
/// earlier one, old copies after the order is issued, eight copies at once, and a first delivery stopped at each of
/// its writes then redelivered. Every line is issued once (one card, counted once, its value reserved once), every
/// copy completes, and each line's delivery goes out under one id.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class OrderChunkAtLeastOnceTests(CosmosFixture cosmos, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly WriteFaults _faults = new();
    private OrderRig _rig = null!;

    public async Task InitializeAsync() =>
        _rig = await OrderRig.StartAsync(cosmos, services => CosmosSeams.Install(services, cosmos, _faults));

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Chunks_DuplicatedReorderedAndConcurrent_IssueEachLineOnce()
    {
        var seed = ReliabilityRun.Seed();
        var random = new Random(seed);
        var orders = ReliabilityRun.Cases(1, 4);
        long cases = 0;
        var violations = new List<string>();
        var handler = _rig.App.CreateClient();
        for (var n = 0; n < orders; n++)
        {
            var lines = ReliabilityRun.Cases(101, 201) + random.Next(50);
            var order = await _rig.PlaceAsync(lines);
            var chunks = _rig.Orders.Publisher.Drain().Where(m => m.Queue == OrderApp.OrderChunkQueue)
                .OrderBy(m => m.MessageId, StringComparer.Ordinal).ToList();
            if (chunks.Count != (lines + 99) / 100) violations.Add($"{chunks.Count} chunk messages for {lines} lines");
            var statuses = new List<HttpStatusCode>();
            async Task Send(OutgoingMessage message, int count = 1)
            {
                using var response = await handler.InvokeAsync("ProcessOrderChunk", OrderRig.Payload(message, count));
                statuses.Add(response.StatusCode);
                cases++;
            }
            // The last chunk first, then the one before it ten times, then eight copies of every chunk at once.
            await Send(chunks[^1]);
            for (var i = 1; i <= 10; i++) await Send(chunks[^2], i);
            var copies = chunks.SelectMany(c => Enumerable.Repeat(c, 8)).OrderBy(_ => random.Next()).ToList();
            var answers = await Task.WhenAll(copies.Select(c => handler.InvokeAsync(
                "ProcessOrderChunk", OrderRig.Payload(c))));
            statuses.AddRange(answers.Select(a => a.StatusCode));
            cases += answers.Length;
            // An old copy of the first chunk after everything else.
            await Send(chunks[0], 2);

            violations.AddRange(statuses.Where(s => s != HttpStatusCode.OK).Select(s => $"a copy answered {(int)s}"));
            violations.AddRange(await _rig.ViolationsAsync(order, delivered: false));
            violations.AddRange(DeliveryViolations(order, _rig.Orders.Publisher.Drain()));
        }

        ReliabilityReport.Record(output, "at-least-once", "ProcessOrderChunk: duplicates, reordering, concurrency",
            cases, 0, violations.Count, seed);
        Assert.True(violations.Count == 0, $"seed {seed}: " + string.Join("; ", violations.Take(20)));
    }

    [Fact]
    public async Task Chunk_StoppedAtEachWriteThenRedelivered_IssuesEachLineOnce()
    {
        var seed = ReliabilityRun.Seed();
        var random = new Random(seed);
        var points = ReliabilityRun.Cases(6, 16);
        long cases = 0, faults = 0;
        var violations = new List<string>();
        var handler = _rig.App.CreateClient();
        foreach (var fault in new[] { WriteFault.CrashAfter, WriteFault.RefuseBefore })
            for (var p = 0; p < points; p++)
            {
                // Three lines take about a dozen writes: the first points cover each, later ones land at random.
                var at = p < 12 ? p + 1 : 1 + random.Next(14);
                var order = await _rig.PlaceAsync(lines: 3);
                var chunk = Assert.Single(_rig.Orders.Publisher.Drain(), m => m.Queue == OrderApp.OrderChunkQueue);
                _faults.Arm(at, fault);
                using var stopped = await handler.InvokeAsync("ProcessOrderChunk", OrderRig.Payload(chunk));
                var fired = _faults.Fired;
                _faults.Disarm();
                cases++;
                if (fired)
                {
                    faults++;
                    if (stopped.IsSuccessStatusCode)
                        violations.Add($"{fault} at write {at}: the stopped run answered {(int)stopped.StatusCode}");
                }
                var redelivered = await Delivering.UntilCompletedAsync(handler, "ProcessOrderChunk",
                    OrderRig.BodyOf(chunk), chunk.MessageId, 2);
                cases += redelivered.Count;
                if (!Delivering.Completed(redelivered))
                    violations.Add($"{fault} at write {at}: never completed ({string.Join(",", redelivered)})");
                violations.AddRange((await _rig.ViolationsAsync(order, delivered: false))
                    .Concat(DeliveryViolations(order, _rig.Orders.Publisher.Drain()))
                    .Select(v => $"{fault} at write {at}: {v}"));
            }

        ReliabilityReport.Record(output, "at-least-once", "ProcessOrderChunk: redelivery after a stopped run",
            cases, faults, violations.Count, seed);
        Assert.True(faults > 0, "No write was stopped.");
        Assert.True(violations.Count == 0, $"seed {seed}: " + string.Join("; ", violations.Take(20)));
    }

    /// <summary>Every line has its first delivery sent, under the one id that names it, and no other.</summary>
    private static List<string> DeliveryViolations(OrderRig.PlacedOrder order, IReadOnlyList<OutgoingMessage> sent)
    {
        var problems = new List<string>();
        var deliveries = sent.Where(m => m.Queue == OrderRig.Deliveries).Select(m => m.MessageId).ToHashSet();
        var expected = order.Recipients.Keys.Select(l => $"{order.OrderId}-{l}-0").ToHashSet();
        foreach (var missing in expected.Except(deliveries)) problems.Add($"no delivery message {missing}");
        foreach (var extra in deliveries.Except(expected)) problems.Add($"unexpected delivery message {extra}");
        return problems;
    }
}
