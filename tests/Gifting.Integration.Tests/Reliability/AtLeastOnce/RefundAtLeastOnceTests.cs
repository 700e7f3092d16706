using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.AtLeastOnce;

/// <summary>
/// <c>ProcessRefund</c> under at-least-once delivery: the same message ten times, other messages with the same
/// refundId, old copies after newer refunds, eight copies at once, and a first delivery stopped at each of its
/// writes (crashed after it or refused before it) then redelivered. Each refund is credited once, the ledger adds up
/// to the balance shown, every copy completes, and nothing is rejected that could be applied.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class RefundAtLeastOnceTests(CosmosFixture cosmos, ITestOutputHelper output) : IDisposable
{
    private readonly WriteFaults _faults = new();
    private GiftingFactory? _app;

    private GiftingFactory App => _app ??= new GiftingFactory(cosmos,
        services => CosmosSeams.Install(services, cosmos, _faults));

    public void Dispose() => _app?.Dispose();

    [Fact]
    public async Task Refund_DuplicatedReorderedAndConcurrent_IsCreditedOncePerRefundId()
    {
        var seed = ReliabilityRun.Seed();
        var random = new Random(seed);
        var rounds = ReliabilityRun.Cases(2, 12);
        long cases = 0;
        var violations = new List<string>();
        var handler = App.CreateClient();
        for (var round = 0; round < rounds; round++)
        {
            var (_, account) = await App.FundedShopperAsync(1000);
            await App.PayAsync(account, 500, "order-1");
            await App.PayAsync(account, 300, "order-2");
            var first = Body(Api.NewId("refund"), account, "order-1", 200);
            var second = Body(Api.NewId("refund"), account, "order-2", 100);
            var statuses = new List<HttpStatusCode>();
            async Task Send(string body, string messageId, int count = 1)
            {
                using var response = await handler.InvokeAsync("ProcessRefund",
                    HostPayloads.ServiceBus("message", body, messageId, count));
                statuses.Add(response.StatusCode);
                cases++;
            }
            // The same message id ten times in a row, as a lock lost after each completion would hand it over.
            var firstId = Guid.NewGuid().ToString("N");
            for (var i = 1; i <= 10; i++) await Send(first, firstId, i);
            await Send(second, Guid.NewGuid().ToString("N"));
            // Old copies after the newer refund: same id, other ids (a producer's re-send), in random order.
            var late = Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? firstId : Guid.NewGuid().ToString("N"))
                .OrderBy(_ => random.Next()).ToList();
            foreach (var id in late) await Send(first, id);
            // Eight copies of each at once, interleaved.
            var copies = Enumerable.Range(0, 16).Select(i => (Body: i % 2 == 0 ? first : second, Id: $"{i}-{round}"))
                .OrderBy(_ => random.Next()).ToList();
            var answers = await Task.WhenAll(copies.Select(c => handler.InvokeAsync("ProcessRefund",
                HostPayloads.ServiceBus("message", c.Body, c.Id))));
            statuses.AddRange(answers.Select(a => a.StatusCode));
            cases += answers.Length;

            violations.AddRange(statuses.Where(s => s != HttpStatusCode.OK).Select(s => $"a copy answered {(int)s}"));
            violations.AddRange(await CheckAsync(account, expectedGift: 500, expectedRefunds: 2));
        }

        ReliabilityReport.Record(output, "at-least-once", "ProcessRefund: duplicates, reordering, concurrency",
            cases, 0, violations.Count, seed);
        Assert.True(violations.Count == 0, $"seed {seed}: " + string.Join("; ", violations));
    }

    [Fact]
    public async Task Refund_StoppedAtEachWriteThenRedelivered_IsCreditedOnce()
    {
        var seed = ReliabilityRun.Seed();
        var writes = ReliabilityRun.Cases(6, 10);
        long cases = 0, faults = 0;
        var violations = new List<string>();
        var handler = App.CreateClient();
        foreach (var fault in new[] { WriteFault.CrashAfter, WriteFault.RefuseBefore })
            for (var at = 1; at <= writes; at++)
            {
                var (_, account) = await App.FundedShopperAsync(1000);
                await App.PayAsync(account, 400, "order-1");
                var body = Body(Api.NewId("refund"), account, "order-1", 150);
                var messageId = Guid.NewGuid().ToString("N");
                _faults.Arm(at, fault);
                using var stopped = await handler.InvokeAsync("ProcessRefund",
                    HostPayloads.ServiceBus("message", body, messageId));
                var fired = _faults.Fired;
                _faults.Disarm();
                cases++;
                if (fired)
                {
                    faults++;
                    if (stopped.IsSuccessStatusCode)
                        violations.Add($"{fault} at write {at}: the stopped run answered {(int)stopped.StatusCode}");
                }
                var redelivered = await Delivering.UntilCompletedAsync(handler, "ProcessRefund", body, messageId, 2);
                cases += redelivered.Count;
                if (!Delivering.Completed(redelivered))
                    violations.Add($"{fault} at write {at}: never completed ({string.Join(",", redelivered)})");
                violations.AddRange((await CheckAsync(account, expectedGift: 750, expectedRefunds: 1))
                    .Select(v => $"{fault} at write {at}: {v}"));
            }

        ReliabilityReport.Record(output, "at-least-once", "ProcessRefund: redelivery after a stopped run",
            cases, faults, violations.Count, seed);
        Assert.True(faults > 0, "No write was stopped: the sweep reached none of the run's writes.");
        Assert.True(violations.Count == 0, $"seed {seed}: " + string.Join("; ", violations));
    }

    private async Task<List<string>> CheckAsync(string account, long expectedGift, int expectedRefunds)
    {
        var balance = await LedgerAudit.BalanceAsync(App, account);
        var problems = await LedgerAudit.ViolationsAsync(cosmos, account, balance);
        var gift = balance.GetProperty("gift").GetProperty("amount").GetInt64();
        if (gift != expectedGift) problems.Add($"{account}: gift balance {gift}, expected {expectedGift}");
        var refunds = LedgerAudit.Count(await LedgerAudit.EntriesAsync(cosmos, account), "refund");
        if (refunds != expectedRefunds)
            problems.Add($"{account}: {refunds} refund entries, expected {expectedRefunds}");
        if ((await cosmos.RejectionsMentioningAsync(account)).Count > 0)
            problems.Add($"{account}: a refund that could be applied was rejected");
        return problems;
    }

    private static string Body(string refundId, string account, string orderId, long amount) =>
        JsonSerializer.Serialize(new
        {
            refundId, accountId = account, orderId, amount = new { amount, currency = "USD" }, reason = "returned",
        });
}
