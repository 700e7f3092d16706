using System.Text;
using System.Text.Json;
using Gifting.Core.Messaging;
using Gifting.Integration.Tests.Communication;
using Gifting.Integration.Tests.Orders;

namespace Gifting.Integration.Tests.Reliability.AtLeastOnce;

/// <summary>
/// The app with a publisher that keeps its messages and ACS on a loopback fake, so a test hands chunk and delivery
/// messages to the triggers in whatever order and number it likes, and then audits what each order became: every
/// line issued once and delivered, one card per line, the counts, the funding, and what ACS was sent per line.
/// </summary>
public sealed class OrderRig : IAsyncDisposable
{
    public const string Deliveries = "gift-deliveries";

    /// <summary>How long a delivery's claim holds off other copies of its message, the least the app allows.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(5);

    private OrderRig(CosmosFixture cosmos, FakeAcs acs, ShiftedClock clock)
    {
        Cosmos = cosmos;
        Acs = acs;
        Clock = clock;
    }

    /// <summary>The app's clock, moved forward to let a claim lapse without waiting for it.</summary>
    public ShiftedClock Clock { get; }

    public CosmosFixture Cosmos { get; }

    public FakeAcs Acs { get; }

    public OrderApp Orders { get; private set; } = null!;

    public GiftingFactory App => Orders.App;

    /// <summary>The rig, <paramref name="settings"/> over its own, <paramref name="services"/> applied.</summary>
    public static async Task<OrderRig> StartAsync(
        CosmosFixture cosmos, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var acs = await FakeAcs.StartAsync();
        var all = new Dictionary<string, string>
        {
            ["Communication:ConnectionString"] = acs.ConnectionString,
            ["Communication:EmailSender"] = AcsClients.Sender,
            ["Communication:SmsFrom"] = AcsClients.SmsFrom,
            ["Communication:RequestTimeout"] = "00:00:05",
            ["Delivery:ClaimLease"] = ClaimLease.ToString(),
            ["Orders:SweepAfter"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        var rig = new OrderRig(cosmos, acs, new ShiftedClock());
        rig.Orders = new OrderApp(cosmos, all, s =>
        {
            s.AddSingleton<TimeProvider>(rig.Clock);
            services?.Invoke(s);
        });
        return rig;
    }

    /// <summary>Moves the app's clock past a claim's lease, as the queue's lock expiry would take.</summary>
    public Task LapseClaimsAsync()
    {
        Clock.Advance(ClaimLease + TimeSpan.FromMilliseconds(200));
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Orders.Dispose();
        await Acs.DisposeAsync();
    }

    /// <summary>A placed order: its org, id and its lines' recipients (email or phone, by line id).</summary>
    public sealed record PlacedOrder(string Org, string OrderId, IReadOnlyDictionary<string, string> Recipients);

    /// <summary>A CSV order of <paramref name="lines"/> lines of 25.00 USD, email and SMS alternating, with
    /// recipients no other order has; its org is funded with exactly its total.</summary>
    public async Task<PlacedOrder> PlaceAsync(int lines, string? key = null)
    {
        var org = await Orders.FundedOrgAsync(lines * 25_00L);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var recipients = new Dictionary<string, string>();
        var csv = new StringBuilder(OrderBodies.Header).Append('\n');
        for (var i = 1; i <= lines; i++)
        {
            var lineId = i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            if (i % 2 == 1)
            {
                recipients[lineId] = $"r{i}-{tag}@example.com";
                csv.Append($"Recipient {i},{recipients[lineId]},,email,25.00,USD,Thank you\n");
            }
            else
            {
                recipients[lineId] = Phone(tag, i);
                csv.Append($"Recipient {i},,{recipients[lineId]},sms,25.00,USD,Thank you\n");
            }
        }
        using var placed = await OrderApp.PostCsvAsync(Orders.Buyer(org), csv.ToString(), key ?? Api.NewId("order"));
        Assert.True(202 == (int)placed.StatusCode, await placed.Content.ReadAsStringAsync());
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        return new PlacedOrder(org, orderId, recipients);
    }

    /// <summary>The delivery message a chunk sends for a line: what a copy overtaking its chunk looks like.</summary>
    public static OutgoingMessage DeliveryOf(PlacedOrder order, string lineId) =>
        new(Deliveries, $"{order.OrderId}-{lineId}-0", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            deliveryId = $"{order.OrderId}-{lineId}-0", orderId = order.OrderId, lineId,
            channel = int.Parse(lineId, System.Globalization.CultureInfo.InvariantCulture) % 2 == 1 ? "email" : "sms",
        })), null);

    public static string BodyOf(OutgoingMessage message) => Encoding.UTF8.GetString(message.Body.Span);

    /// <summary>The payload the host would post for <paramref name="message"/>.</summary>
    public static string Payload(OutgoingMessage message, int deliveryCount = 1) =>
        HostPayloads.ServiceBus("message", BodyOf(message), message.MessageId, deliveryCount);

    /// <summary>What is wrong with the order once everything should be done; empty when nothing is.</summary>
    /// <param name="order">The order.</param>
    /// <param name="delivered">Whether every line should also have been sent.</param>
    public async Task<List<string>> ViolationsAsync(PlacedOrder order, bool delivered)
    {
        var problems = new List<string>();
        var buyer = Orders.Buyer(order.Org);
        var shown = await OrderApp.OrderAsync(buyer, order.OrderId);
        var counts = shown.GetProperty("counts");
        var lines = order.Recipients.Count;
        var tag = order.OrderId[..8];
        if (counts.GetProperty("lines").GetInt32() != lines) problems.Add($"{tag}: lines count wrong");
        if (counts.GetProperty("issued").GetInt32() != lines)
            problems.Add($"{tag}: issued {counts.GetProperty("issued").GetInt32()} of {lines}");
        var wanted = delivered ? "sent" : "scheduled";
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            using var page = await buyer.GetAsync($"/api/orders/{order.OrderId}/lines?limit=100"
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            var json = await page.JsonAsync();
            all.AddRange(json.GetProperty("items").EnumerateArray());
            cursor = json.GetProperty("nextCursor").ValueKind == JsonValueKind.String
                ? json.GetProperty("nextCursor").GetString()
                : null;
        } while (cursor is not null);
        if (all.Count != lines) problems.Add($"{tag}: {all.Count} lines listed of {lines}");
        foreach (var line in all.Where(l => l.GetProperty("status").GetString() != wanted))
            problems.Add($"{tag}: line {line.GetProperty("lineId").GetString()} is "
                + $"{line.GetProperty("status").GetString()}, not {wanted}");
        var cards = await CardsOfAsync(order.OrderId);
        if (cards != lines) problems.Add($"{tag}: {cards} cards for {lines} lines");
        var available = await Orders.AvailableAsync(order.Org);
        if (available != 0) problems.Add($"{tag}: funding left {available}, expected 0");
        if (delivered)
        {
            if (counts.GetProperty("sent").GetInt32() != lines)
                problems.Add($"{tag}: counted sent {counts.GetProperty("sent").GetInt32()} of {lines}");
            if (shown.GetProperty("status").GetString() != "completed")
                problems.Add($"{tag}: status {shown.GetProperty("status").GetString()}");
            foreach (var (lineId, to) in order.Recipients)
            {
                var ids = SendsTo(to).Select(s => s.Id).Distinct().ToList();
                if (ids.Count != 1) problems.Add($"{tag}: line {lineId} sent under {ids.Count} delivery ids");
            }
        }
        else if (order.Recipients.Values.Any(to => SendsTo(to).Count > 0))
            problems.Add($"{tag}: something was sent before its delivery was handled");
        return problems;
    }

    /// <summary>The sends ACS accepted for one recipient, with the repeatability id each carried.</summary>
    public List<(string Id, FakeAcsRequest Request)> SendsTo(string recipient)
    {
        // The bodies are JSON, which writes a phone number's '+' escaped.
        var needle = recipient.TrimStart('+');
        return Acs.Accepted.Where(r => r.Method == "POST" && r.Body.Contains(needle, StringComparison.Ordinal))
            .Select(r => (RepeatabilityId(r), r)).ToList();
    }

    /// <summary>How many sends ACS accepted for the order's recipients, retries of one delivery included.</summary>
    public int SendsFor(PlacedOrder order) => order.Recipients.Values.Sum(to => SendsTo(to).Count);

    private static string RepeatabilityId(FakeAcsRequest request)
    {
        if (request.Header("Repeatability-Request-Id") is { } id) return id;
        return request.Json.GetProperty("smsRecipients")[0].GetProperty("repeatabilityRequestId").GetString() ?? "";
    }

    private static string Phone(string tag, int i) =>
        "+1555" + ((Convert.ToInt64(tag[..6], 16) + i) % 10_000_000).ToString("D7",
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The cards issued for the order's lines (a scan of the container: test data only).</summary>
    private async Task<int> CardsOfAsync(string orderId)
    {
        var count = 0;
        using var feed = Cosmos.Containers().Cards.GetItemQueryIterator<JsonElement>((string?)null);
        while (feed.HasMoreResults)
            count += (await feed.ReadNextAsync()).Count(d =>
                d.TryGetProperty("issuedBy", out var by) && by.ValueKind == JsonValueKind.String
                && by.GetString() == $"order:{orderId}");
        return count;
    }
}
