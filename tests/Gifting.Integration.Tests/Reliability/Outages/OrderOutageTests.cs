using System.Text;
using System.Text.Json;
using Gifting.Core.Messaging;
using Gifting.Infra.Communication;
using Gifting.Integration.Tests.Orders;
using Gifting.Integration.Tests.Reliability.AtLeastOnce;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Reliability.Outages;

/// <summary>
/// Corporate orders and refunds end to end while Cosmos DB throttles, fails and times out, Service Bus refuses
/// sends (transient <c>ServiceBusException</c>s as the adapter surfaces them, some after part of a batch went out)
/// and ACS answers 429 or 503 with Retry-After, each on 10-30% of calls. The HTTP intake answers 202 or a clean
/// retryable refusal; a trigger invocation either completes its work or answers non-2xx so the host hands the message
/// over again, and never records a good message as one that can never succeed. Once the faults stop, buyers retry
/// under their keys, the sweepers run and the queues drain within the maximum delivery count: every order is issued
/// and delivered (one repeatability id per line, counted once, its funding spent once) and every refund is credited
/// once, with each balance equal to its ledger.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class OrderOutageTests(CosmosFixture cosmos, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly int _seed = ReliabilityRun.Seed();
    private RandomCosmosFaults _cosmosFaults = null!;
    private FlakyPublisher _publisher = null!;
    private FlakyAcsHandler.Switch _acs = null!;
    private OrderRig _rig = null!;

    /// <summary>A message on one of the host's queues and how often it has been handed over.</summary>
    private sealed class Queued(string function, string body, string messageId)
    {
        public string Function { get; } = function;
        public string Body { get; } = body;
        public string MessageId { get; } = messageId;
        public int Deliveries { get; set; }
    }

    public async Task InitializeAsync()
    {
        _cosmosFaults = new RandomCosmosFaults(_seed);
        _acs = new FlakyAcsHandler.Switch(_seed + 1);
        OrderRig? rig = null;
        _publisher = new FlakyPublisher(() => rig!.Orders.Publisher, _seed + 2);
        rig = await OrderRig.StartAsync(cosmos, services =>
        {
            CosmosSeams.Install(services, cosmos, _cosmosFaults);
            services.AddSingleton<IMessagePublisher>(_publisher);
            services.AddHttpClient<AcsEmailClient>().AddHttpMessageHandler(() => new FlakyAcsHandler(_acs));
            services.AddHttpClient<AcsSmsClient>().AddHttpMessageHandler(() => new FlakyAcsHandler(_acs));
        });
        _rig = rig;
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task OrdersAndRefunds_UnderCosmosServiceBusAndAcsFaults_AllSettleOnce()
    {
        var random = new Random(_seed);
        var app = _rig.App;
        var handler = app.CreateClient();
        var violations = new List<string>();
        long requests = 0, invocations = 0, deadLettered = 0;

        // Before the faults: shoppers who paid for an order, and the orgs' funding.
        var shoppers = new List<(string Account, long Paid)>();
        for (var i = 0; i < ReliabilityRun.Cases(4, 16); i++)
        {
            var (_, account) = await app.FundedShopperAsync(10_000);
            var paid = 1000 + random.Next(4000);
            await app.PayAsync(account, paid, "order-1");
            shoppers.Add((account, paid));
        }
        var orderCount = ReliabilityRun.Cases(4, 24);
        var planned = new List<(string Org, string Key, string Csv, Dictionary<string, string> Recipients)>();
        for (var i = 0; i < orderCount; i++)
        {
            var lines = 2 + random.Next(ReliabilityRun.Cases(6, 40));
            var org = await _rig.Orders.FundedOrgAsync(lines * 25_00L);
            var (csv, recipients) = Csv(lines);
            planned.Add((org, Api.NewId("order"), csv, recipients));
        }
        var refunds = shoppers.Select(s => (s.Account, RefundId: Api.NewId("refund"), Amount: s.Paid / 2)).ToList();
        var queue = new List<Queued>();
        foreach (var refund in refunds)
            for (var copy = 0; copy < 1 + random.Next(3); copy++)
                queue.Add(new Queued("ProcessRefund", JsonSerializer.Serialize(new
                {
                    refundId = refund.RefundId, accountId = refund.Account, orderId = "order-1",
                    amount = new { amount = refund.Amount, currency = "USD" },
                }), Guid.NewGuid().ToString("N")));

        var rate = 0.1 + random.NextDouble() * 0.2;
        _cosmosFaults.Start(rate);
        _publisher.Start(rate);
        _acs.Start(rate);
        var placed = new Dictionary<int, string>();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < planned.Count; i++)
            {
                if (placed.ContainsKey(i)) continue;
                var order = planned[i];
                requests++;
                var (verdict, problem, body) = await Attempt.RunAsync(ct => _rig.Orders.Buyer(order.Org)
                    .SendAsync(CsvRequest(order.Csv, order.Key), ct), [202]);
                if (verdict == Attempt.Verdict.Violation) violations.Add($"order intake: {problem}");
                if (verdict == Attempt.Verdict.Succeeded) placed[i] = body!.Value.GetProperty("orderId").GetString()!;
            }
            // Service Bus hands over what it holds; during the outage, a message gets a few deliveries at most.
            invocations += await PumpAsync(handler, queue, budget: 1, violations);
            foreach (var timer in new[] { "SweepOrders", "SweepRedemptions" })
            {
                using var fired = await handler.InvokeAsync(timer, HostPayloads.Timer("timer"));
                invocations++;
            }
        }
        // Cosmos DB recovers first; Service Bus and ACS stay flaky for the first rounds of the recovery.
        _cosmosFaults.Stop();

        for (var i = 0; i < planned.Count; i++)
        {
            var order = planned[i];
            for (var attempt = 0; attempt < 5 && !placed.ContainsKey(i); attempt++)
            {
                requests++;
                var (verdict, problem, body) = await Attempt.RunAsync(ct => _rig.Orders.Buyer(order.Org)
                    .SendAsync(CsvRequest(order.Csv, order.Key), ct), [202]);
                if (verdict == Attempt.Verdict.Succeeded) placed[i] = body!.Value.GetProperty("orderId").GetString()!;
                // A refused run whose key could not be released holds it for its lease (docs/design.md section 6).
                else if (verdict == Attempt.Verdict.KeyInUse) _rig.Clock.Advance(TimeSpan.FromSeconds(31));
                else violations.Add($"order intake retried: {verdict} {problem}");
            }
            if (!placed.ContainsKey(i)) violations.Add("an order was still refused after the faults stopped");
        }
        for (var round = 0; round < 8 && (round < 2 || queue.Count > 0); round++)
        {
            if (round == 2)
            {
                _publisher.Stop();
                _acs.Stop();
            }
            using (var swept = await handler.InvokeAsync("SweepOrders", HostPayloads.Timer("timer")))
                if (!swept.IsSuccessStatusCode) violations.Add($"SweepOrders answered {(int)swept.StatusCode}");
            invocations++;
            invocations += await PumpAsync(handler, queue, budget: 2, violations);
            deadLettered += queue.RemoveAll(q => q.Deliveries >= Delivering.MaxDeliveryCount);
            await _rig.LapseClaimsAsync();
        }
        if (deadLettered > 0) violations.Add($"{deadLettered} messages reached the maximum delivery count");

        foreach (var (i, orderId) in placed)
            violations.AddRange(await _rig.ViolationsAsync(
                new OrderRig.PlacedOrder(planned[i].Org, orderId, planned[i].Recipients), delivered: true));
        foreach (var refund in refunds)
        {
            var balance = await LedgerAudit.BalanceAsync(app, refund.Account);
            violations.AddRange(await LedgerAudit.ViolationsAsync(cosmos, refund.Account, balance));
            var paid = shoppers.Single(s => s.Account == refund.Account).Paid;
            var gift = balance.GetProperty("gift").GetProperty("amount").GetInt64();
            if (gift != 10_000 - paid + refund.Amount)
                violations.Add($"{refund.Account}: gift {gift}, expected {10_000 - paid + refund.Amount}");
            if ((await cosmos.RejectionsMentioningAsync(refund.RefundId)).Count > 0)
                violations.Add($"{refund.RefundId}: a good refund was recorded as rejected");
        }
        foreach (var orderId in placed.Values)
            if ((await cosmos.RejectionsMentioningAsync(orderId)).Count > 0)
                violations.Add($"{orderId[..8]}: a good message of the order was recorded as rejected");

        var injected = _cosmosFaults.Injected + _publisher.Injected + _acs.Injected;
        output.WriteLine($"rate {rate:P0}; Cosmos {_cosmosFaults}; Service Bus {_publisher.Injected}; "
            + $"ACS {_acs.Injected}; {placed.Count} orders, {requests} requests, {invocations} invocations");
        ReliabilityReport.Record(output, "outages",
            "orders, deliveries and refunds under Cosmos, Service Bus, ACS faults",
            requests + invocations, injected, violations.Count, _seed);
        Assert.True(violations.Count == 0, $"seed {_seed}: " + string.Join("; ", violations.Take(20)));
    }

    /// <summary>
    /// Takes what the app sent onto the host's queues and hands each queued message over until it completes, has
    /// been handed over <paramref name="budget"/> more times in this call, or reached the maximum delivery count.
    /// Returns the invocations made.
    /// </summary>
    private async Task<int> PumpAsync(HttpClient handler, List<Queued> queue, int budget, List<string> violations)
    {
        var invocations = 0;
        var given = new Dictionary<Queued, int>();
        while (true)
        {
            foreach (var sent in _rig.Orders.Publisher.Drain())
                queue.Add(new Queued(sent.Queue == OrderApp.OrderChunkQueue ? "ProcessOrderChunk" : "DeliverGift",
                    Encoding.UTF8.GetString(sent.Body.Span), sent.MessageId));
            var due = queue.Where(q => q.Deliveries < Delivering.MaxDeliveryCount
                && given.GetValueOrDefault(q) < budget).ToList();
            if (due.Count == 0) return invocations;
            foreach (var message in due)
            {
                given[message] = given.GetValueOrDefault(message) + 1;
                message.Deliveries++;
                invocations++;
                using var response = await handler.InvokeAsync(message.Function,
                    HostPayloads.ServiceBus("message", message.Body, message.MessageId, message.Deliveries));
                if (response.IsSuccessStatusCode)
                {
                    queue.Remove(message);
                    var logs = await response.Content.ReadAsStringAsync();
                    if (logs.Contains("Rejected", StringComparison.Ordinal))
                        violations.Add($"{message.Function} rejected a good message: {message.MessageId}");
                }
            }
        }
    }

    private static HttpRequestMessage CsvRequest(string csv, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, OrderApp.CsvQuery())
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static (string Csv, Dictionary<string, string> Recipients) Csv(int lines)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var recipients = new Dictionary<string, string>();
        var csv = new StringBuilder(OrderBodies.Header).Append('\n');
        for (var i = 1; i <= lines; i++)
        {
            var lineId = i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            recipients[lineId] = $"r{i}-{tag}@example.com";
            csv.Append($"Recipient {i},{recipients[lineId]},,email,25.00,USD,Thank you\n");
        }
        return (csv.ToString(), recipients);
    }
}
