using System.Net;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.AtLeastOnce;

/// <summary>
/// <c>DeliverGift</c> under at-least-once delivery: copies that overtake their chunk, each delivery ten times, eight
/// copies at once, old copies after the order completed, and a first delivery stopped at each of its writes then
/// redelivered. One email or SMS per line (one repeatability id, sent once unless a run died after sending), every
/// line sent and counted once. Copies that meet another run's claim answer 503 and come again, as the design says;
/// every copy completes before the queue's maximum delivery count.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class DeliveryAtLeastOnceTests(CosmosFixture cosmos, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly WriteFaults _faults = new();
    private OrderRig _rig = null!;

    public async Task InitializeAsync() =>
        _rig = await OrderRig.StartAsync(cosmos, services => CosmosSeams.Install(services, cosmos, _faults));

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Deliveries_EarlyDuplicatedConcurrentAndLate_SendOneMessagePerLine()
    {
        var seed = ReliabilityRun.Seed();
        var random = new Random(seed);
        var orders = ReliabilityRun.Cases(1, 4);
        long cases = 0;
        var violations = new List<string>();
        var handler = _rig.App.CreateClient();
        for (var n = 0; n < orders; n++)
        {
            var order = await _rig.PlaceAsync(lines: 6 + random.Next(6));
            var lineIds = order.Recipients.Keys.ToList();
            // Copies that arrive before their chunk was issued: the lines are pending, so nothing may be sent yet.
            foreach (var early in lineIds.Take(2).Select(l => OrderRig.DeliveryOf(order, l)))
            {
                using var response = await handler.InvokeAsync("DeliverGift", OrderRig.Payload(early));
                cases++;
                if (response.IsSuccessStatusCode) violations.Add("a delivery before its chunk completed");
            }
            if (_rig.SendsFor(order) > 0) violations.Add("a delivery before its chunk sent a message");
            await _rig.Orders.DeliverChunksAsync();
            var deliveries = _rig.Orders.Deliveries.Where(d => d.MessageId.StartsWith(order.OrderId,
                StringComparison.Ordinal)).DistinctBy(d => d.MessageId).ToList();
            // The first line's delivery ten times in a row; then eight copies of every delivery at once.
            for (var i = 1; i <= 10; i++)
                cases += (await Delivering.UntilCompletedAsync(handler, "DeliverGift",
                    OrderRig.BodyOf(deliveries[0]), deliveries[0].MessageId, between: Wait)).Count;
            var copies = deliveries.SelectMany(d => Enumerable.Repeat(d, 8)).OrderBy(_ => random.Next()).ToList();
            var answers = await Task.WhenAll(copies.Select(async copy =>
            {
                using var first = await handler.InvokeAsync("DeliverGift", OrderRig.Payload(copy));
                if (first.IsSuccessStatusCode) return [first.StatusCode];
                if (first.StatusCode != HttpStatusCode.ServiceUnavailable) return [first.StatusCode];
                await Wait();
                return (await Delivering.UntilCompletedAsync(handler, "DeliverGift", OrderRig.BodyOf(copy),
                    copy.MessageId, 2, Wait)).Prepend(first.StatusCode).ToList();
            }));
            cases += answers.Sum(a => a.Count);
            violations.AddRange(answers.Where(a => !Delivering.Completed(a))
                .Select(a => $"a concurrent copy never completed ({string.Join(",", a)})"));
            // The copies that overtook the chunk come again, and one more late copy of each delivery.
            foreach (var late in lineIds.Take(2).Select(l => OrderRig.DeliveryOf(order, l)).Concat(deliveries))
            {
                var statuses = await Delivering.UntilCompletedAsync(handler, "DeliverGift",
                    OrderRig.BodyOf(late), late.MessageId, 2, Wait);
                cases += statuses.Count;
                if (statuses is not [HttpStatusCode.OK])
                    violations.Add($"a late copy answered {string.Join(",", statuses)}");
            }

            violations.AddRange(await _rig.ViolationsAsync(order, delivered: true));
            var sends = _rig.SendsFor(order);
            if (sends != lineIds.Count) violations.Add($"{sends} messages sent for {lineIds.Count} lines");
        }

        ReliabilityReport.Record(output, "at-least-once", "DeliverGift: early, duplicates, concurrency, late copies",
            cases, 0, violations.Count, seed);
        Assert.True(violations.Count == 0, $"seed {seed}: " + string.Join("; ", violations.Take(20)));
    }

    [Fact]
    public async Task Delivery_StoppedAtEachWriteThenRedelivered_IsSentAndCountedOnce()
    {
        var seed = ReliabilityRun.Seed();
        var points = ReliabilityRun.Cases(4, 8);
        long cases = 0, faults = 0, resent = 0;
        var violations = new List<string>();
        var handler = _rig.App.CreateClient();
        foreach (var fault in new[] { WriteFault.CrashAfter, WriteFault.RefuseBefore })
        {
            var order = await _rig.PlaceAsync(lines: 2 * points);
            await _rig.Orders.DeliverChunksAsync();
            var deliveries = _rig.Orders.Deliveries.Where(d => d.MessageId.StartsWith(order.OrderId,
                StringComparison.Ordinal)).DistinctBy(d => d.MessageId).OrderBy(d => d.MessageId).ToList();
            for (var i = 0; i < deliveries.Count; i++)
            {
                // Email and SMS lines alternate: each write point is met once on each channel.
                var at = i / 2 + 1;
                var delivery = deliveries[i];
                _faults.Arm(at, fault);
                using var stopped = await handler.InvokeAsync("DeliverGift", OrderRig.Payload(delivery));
                var fired = _faults.Fired;
                _faults.Disarm();
                cases++;
                if (fired)
                {
                    faults++;
                    if (stopped.IsSuccessStatusCode)
                        violations.Add($"{fault} at write {at}: the stopped run answered {(int)stopped.StatusCode}");
                    await _rig.LapseClaimsAsync();
                }
                var redelivered = await Delivering.UntilCompletedAsync(handler, "DeliverGift",
                    OrderRig.BodyOf(delivery), delivery.MessageId, 2, _rig.LapseClaimsAsync);
                cases += redelivered.Count;
                if (!Delivering.Completed(redelivered))
                    violations.Add($"{fault} at write {at}: never completed ({string.Join(",", redelivered)})");
            }
            violations.AddRange((await _rig.ViolationsAsync(order, delivered: true)).Select(v => $"{fault}: {v}"));
            resent += _rig.SendsFor(order) - order.Recipients.Count;
        }

        ReliabilityReport.Record(output, "at-least-once", "DeliverGift: redelivery after a stopped run",
            cases, faults, violations.Count, seed);
        output.WriteLine($"{resent} sends repeated under the same repeatability id after a run died past sending.");
        Assert.True(faults > 0, "No write was stopped.");
        Assert.True(violations.Count == 0, $"seed {seed}: " + string.Join("; ", violations.Take(20)));
    }

    /// <summary>A moment between two deliveries of a copy that met a claim: the holder finishes meanwhile.</summary>
    private static Task Wait() => Task.Delay(TimeSpan.FromMilliseconds(200));
}
