using System.Globalization;
using System.Text;
using System.Text.Json;
using Gifting.Core.Messaging;
using Gifting.Integration.Tests.Orders;
using static Gifting.Integration.Tests.Reliability.CrashPoints.ShopperPaths;

namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>The corporate money paths: funding, order intake, chunk issuance, delivery and cancellation.</summary>
public static class OrderPaths
{
    public static readonly CrashPath Funding = new("funding", async (rig, random) =>
    {
        var org = Api.NewId("org");
        var amount = Amount(random, 10_000_000);
        var key = Api.NewId("fund");
        var before = await Liability.ReadAsync(rig);
        CrashRig.Answer retried = null!;
        Task<HttpResponseMessage> Send() => rig.Client("admin-1", "admin").PostJsonAsync(
            $"/api/orgs/{org}/funding", new { amount = Usd(amount), reference = "PO-1" }, key);
        return new CrashCase(
            async () => (await Send()).Dispose(),
            async () => retried = await rig.RetryAsync(Send),
            async () =>
            {
                var found = (await LedgerAudit.ReadAsync(rig.Containers.Funding, org))
                    .Expect("funding", $"funding {amount}");
                Expect(found, retried, 201);
                Add(found, await AvailableAsync(rig, org, amount));
                Add(found, await Liability.MovedAsync(before, new(0, 0, 0, 0, amount), rig));
                return found;
            });
    });

    public static readonly CrashPath Intake = new("order-intake", async (rig, random) =>
    {
        var order = await NewOrderAsync(rig, random);
        var key = Api.NewId("order");
        var before = await Liability.ReadAsync(rig);
        CrashRig.Answer retried = null!;
        Task<HttpResponseMessage> Send() => OrderApp.PostCsvAsync(Buyer(rig, order.Org), order.Csv, key);
        return new CrashCase(
            async () => (await Send()).Dispose(),
            async () =>
            {
                retried = await rig.RetryAsync(Send);
                await rig.TimerAsync("SweepOrders");
                await IssueAllAsync(rig);
            },
            async () =>
            {
                var found = new List<string>();
                Expect(found, retried, 202);
                if (retried.Status != 202) return found;
                var orderId = retried.Body.GetProperty("orderId").GetString()!;
                found.AddRange(await OrdersOfOrgAsync(rig, order.Org, 1));
                found.AddRange(await IssuedAsync(rig, order, orderId));
                Add(found, await Liability.MovedAsync(before, new(order.Total, 0, 0, 0, -order.Total), rig));
                return found;
            });
    });

    public static readonly CrashPath ChunkIssuance = new("chunk-issuance", async (rig, random) =>
    {
        var order = await NewOrderAsync(rig, random);
        var orderId = await PlaceAsync(rig, order);
        var chunks = await TakeAsync(rig, OrderApp.OrderChunkQueue, orderId);
        var before = await Liability.ReadAsync(rig);
        var redelivered = new List<int>();
        return new CrashCase(
            async () =>
            {
                foreach (var chunk in chunks) await rig.InvokeAsync("ProcessOrderChunk", CrashRig.Payload(chunk));
            },
            async () =>
            {
                foreach (var chunk in chunks)
                    redelivered.Add(await rig.InvokeAsync("ProcessOrderChunk", CrashRig.Payload(chunk)));
                await rig.TimerAsync("SweepOrders");
                await IssueAllAsync(rig);
            },
            async () =>
            {
                var found = redelivered.Where(s => s != 200).Select(s => $"a redelivery answered {s}").ToList();
                found.AddRange(await IssuedAsync(rig, order, orderId));
                Add(found, await Liability.MovedAsync(before, new(order.Total, 0, 0, 0, 0), rig));
                return found;
            });
    });

    public static readonly CrashPath Delivery = new("delivery", async (rig, random) =>
    {
        var order = await NewOrderAsync(rig, random, maxLines: 2);
        var orderId = await PlaceAsync(rig, order);
        await IssueAllAsync(rig);
        var deliveries = await TakeAsync(rig, "gift-deliveries", orderId);
        var before = await Liability.ReadAsync(rig);
        var redelivered = new List<int>();
        return new CrashCase(
            async () =>
            {
                foreach (var delivery in deliveries)
                    await rig.InvokeAsync("DeliverGift", CrashRig.Payload(delivery));
            },
            async () =>
            {
                foreach (var delivery in deliveries)
                    redelivered.Add(await rig.InvokeAsync("DeliverGift", CrashRig.Payload(delivery)));
            },
            async () =>
            {
                var found = redelivered.Where(s => s != 200).Select(s => $"a redelivery answered {s}").ToList();
                if (deliveries.Count != order.Amounts.Count)
                    found.Add($"{deliveries.Count} deliveries sent for {order.Amounts.Count} lines");
                var shown = await OrderApp.OrderAsync(Buyer(rig, order.Org), orderId);
                var sent = shown.GetProperty("counts").GetProperty("sent").GetInt32();
                if (sent != order.Amounts.Count) found.Add($"the order counts {sent} sent");
                if (shown.GetProperty("status").GetString() != "completed")
                    found.Add($"the order is {shown.GetProperty("status").GetString()}");
                foreach (var line in await LinesAsync(rig, orderId))
                    if (line.GetProperty("status").GetString() != "sent")
                        found.Add($"line {line.GetProperty("id").GetString()} is {line.GetProperty("status")}");
                foreach (var email in order.Emails)
                {
                    // ACS drops a repeat of a repeatability id within its window: one id is one email.
                    var ids = rig.Acs.Accepted.Where(r => r.Method == "POST" && r.Body.Contains(email,
                            StringComparison.Ordinal))
                        .Select(r => r.Header("Repeatability-Request-Id")).Distinct().Count();
                    if (ids != 1) found.Add($"a recipient got {ids} distinct emails");
                }
                Add(found, await Liability.MovedAsync(before, default, rig));
                return found;
            });
    });

    public static readonly CrashPath OrderCancellation = new("order-cancellation", async (rig, random) =>
    {
        var order = await NewOrderAsync(rig, random);
        var orderId = await PlaceAsync(rig, order);
        await IssueAllAsync(rig);
        var key = Api.NewId("cancel");
        var before = await Liability.ReadAsync(rig);
        CrashRig.Answer retried = null!;
        Task<HttpResponseMessage> Send() =>
            PostAsync(Buyer(rig, order.Org), $"/api/orders/{orderId}/cancellation", key);
        return new CrashCase(
            async () => (await Send()).Dispose(),
            async () =>
            {
                retried = await rig.RetryAsync(Send);
                await rig.TimerAsync("SweepOrders");
                await IssueAllAsync(rig);
            },
            async () =>
            {
                var found = new List<string>();
                Expect(found, retried, 200);
                var audit = await LedgerAudit.ReadAsync(rig.Containers.Funding, order.Org);
                found.AddRange(audit.Violations);
                var released = audit.Entries.Where(e => e.Type == "order_release").Sum(e => e.Amount);
                if (released != order.Total) found.Add($"{released} released of {order.Total}");
                Add(found, await AvailableAsync(rig, order.Org, order.Funded));
                var shown = await OrderApp.OrderAsync(Buyer(rig, order.Org), orderId);
                if (shown.GetProperty("status").GetString() != "cancelled")
                    found.Add($"the order is {shown.GetProperty("status").GetString()}");
                foreach (var line in await LinesAsync(rig, orderId))
                {
                    if (line.GetProperty("status").GetString() != "cancelled")
                        found.Add($"line {line.GetProperty("id").GetString()} is {line.GetProperty("status")}");
                    Add(found, await CardOfAsync(rig, line, "cancelled"));
                }
                Add(found, await Liability.MovedAsync(before, new(-order.Total, 0, 0, 0, order.Total), rig));
                return found;
            });
    });

    /// <summary>An order to place: its org (funded for it and some more), CSV body, amounts and addresses.</summary>
    public sealed record NewOrder(string Org, long Funded, string Csv, List<long> Amounts, List<string> Emails)
    {
        public long Total => Amounts.Sum();
    }

    private static async Task<NewOrder> NewOrderAsync(CrashRig rig, Random random, int maxLines = 3)
    {
        var lines = random.Next(1, maxLines + 1);
        var amounts = Enumerable.Range(0, lines).Select(_ => random.NextInt64(100, 50_001)).ToList();
        var tag = Guid.NewGuid().ToString("N")[..12];
        var emails = Enumerable.Range(1, lines).Select(i => $"r{i}-{tag}@example.com").ToList();
        var csv = new StringBuilder(OrderBodies.Header).Append('\n');
        for (var i = 0; i < lines; i++)
            csv.Append(CultureInfo.InvariantCulture,
                $"Recipient {i + 1},{emails[i]},,email,{amounts[i] / 100}.{amounts[i] % 100:D2},USD,Thank you\n");
        var org = Api.NewId("org");
        var funded = amounts.Sum() + random.NextInt64(0, 100_001);
        using var added = await rig.Client("admin-1", "admin").PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = Usd(funded), reference = "PO-1" }, Api.NewId("fund"));
        Assert.Equal(201, (int)added.StatusCode);
        return new NewOrder(org, funded, csv.ToString(), amounts, emails);
    }

    private static HttpClient Buyer(CrashRig rig, string org) => rig.Client("buyer-1", "corporate", org);

    private static async Task<string> PlaceAsync(CrashRig rig, NewOrder order)
    {
        using var placed = await OrderApp.PostCsvAsync(Buyer(rig, order.Org), order.Csv, Api.NewId("order"));
        Assert.Equal(202, (int)placed.StatusCode);
        return (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
    }

    /// <summary>
    /// Every chunk message on the broker delivered to its trigger until none is left; deliveries are kept for the
    /// path that takes them.
    /// </summary>
    private static async Task IssueAllAsync(CrashRig rig)
    {
        while (true)
        {
            var chunks = await TakeAsync(rig, OrderApp.OrderChunkQueue, null);
            if (chunks.Count == 0) return;
            foreach (var chunk in chunks)
                Assert.Equal(200, await rig.InvokeAsync("ProcessOrderChunk", CrashRig.Payload(chunk)));
        }
    }

    /// <summary>
    /// The messages on <paramref name="queue"/> (of one order, when named), taken off the broker; the others stay.
    /// </summary>
    private static Task<List<OutgoingMessage>> TakeAsync(CrashRig rig, string queue, string? orderId)
    {
        var all = rig.Broker.Drain();
        bool Taken(OutgoingMessage m) => m.Queue == queue && (orderId is null
            || JsonDocument.Parse(m.Body).RootElement.GetProperty("orderId").GetString() == orderId);
        var taken = all.Where(Taken).ToList();
        var kept = all.Where(m => !Taken(m)).ToList();
        if (kept.Count > 0) rig.Broker.PublishAsync(kept, CancellationToken.None).GetAwaiter().GetResult();
        return Task.FromResult(taken);
    }

    private static async Task<string?> AvailableAsync(CrashRig rig, string org, long expected)
    {
        using var response = await Buyer(rig, org).GetAsync("/api/funding");
        var available = (await response.JsonAsync()).GetProperty("available").GetProperty("amount").GetInt64();
        return available == expected ? null : $"available funding {available}, expected {expected}";
    }

    private static async Task<List<string>> OrdersOfOrgAsync(CrashRig rig, string org, int expected)
    {
        var orders = (await CrashRig.PartitionAsync(rig.Containers.Orders, org))
            .Count(d => d.GetProperty("docType").GetString() == "order");
        return orders == expected ? [] : [$"{orders} orders stored, expected {expected}"];
    }

    /// <summary>Every line of the order issued once: scheduled, with its own active card, counted, and paid for
    /// once from funding.</summary>
    private static async Task<List<string>> IssuedAsync(CrashRig rig, NewOrder order, string orderId)
    {
        var found = (await LedgerAudit.ReadAsync(rig.Containers.Funding, order.Org))
            .Expect("funding", $"funding {order.Funded}", $"order {-order.Total}");
        Add(found, await AvailableAsync(rig, order.Org, order.Funded - order.Total));
        var lines = await LinesAsync(rig, orderId);
        if (lines.Count != order.Amounts.Count) found.Add($"{lines.Count} lines stored of {order.Amounts.Count}");
        foreach (var line in lines)
        {
            if (line.GetProperty("status").GetString() != "scheduled")
                found.Add($"line {line.GetProperty("id").GetString()} is {line.GetProperty("status")}");
            Add(found, await CardOfAsync(rig, line, "active"));
        }
        if (lines.Select(l => l.GetProperty("codeHash").GetString()).Distinct().Count() != lines.Count)
            found.Add("two lines share a card");
        var shown = await OrderApp.OrderAsync(Buyer(rig, order.Org), orderId);
        var issued = shown.GetProperty("counts").GetProperty("issued").GetInt32();
        if (issued != order.Amounts.Count) found.Add($"the order counts {issued} issued");
        return found;
    }

    private static async Task<List<JsonElement>> LinesAsync(CrashRig rig, string orderId) =>
        (await CrashRig.PartitionAsync(rig.Containers.OrderLines, orderId))
        .Where(d => d.GetProperty("docType").GetString() == "line").ToList();

    private static async Task<string?> CardOfAsync(CrashRig rig, JsonElement line, string status)
    {
        if (line.GetProperty("codeHash").GetString() is not { } hash) return "a line without its card";
        var card = (await CrashRig.PartitionAsync(rig.Containers.Cards, hash)).SingleOrDefault(
            d => d.GetProperty("docType").GetString() == "card");
        if (card.ValueKind != JsonValueKind.Object) return "a line's card is missing";
        var found = card.GetProperty("status").GetString();
        var value = card.GetProperty("value").GetProperty("amount").GetInt64();
        if (value != line.GetProperty("amount").GetProperty("amount").GetInt64())
            return $"a card of {value} for a line of {line.GetProperty("amount")}";
        return found == status ? null : $"a line's card is {found}, expected {status}";
    }
}
