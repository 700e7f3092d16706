using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Gifting.Functions.Auth;
using Gifting.Integration.Tests.Orders;
using Gifting.LocalHost;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Local;

/// <summary>
/// An order of email and SMS lines through the local stand-in: its chunks travel on the order-chunks queue, its
/// deliveries on gift-deliveries, and the app's own ACS clients send them to the stand-in's ACS. Every recipient gets
/// exactly one message with a working link, and the link credits its redeemer once.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class OrderStandInTests(CosmosFixture cosmos, ITestOutputHelper output)
{
    private const int Lines = 60;

    [Fact]
    public async Task EmailAndSmsOrder_ThroughTheStandIn_ReachesEveryRecipientOnce_AndItsLinkRedeemsOnce()
    {
        await using var standIn = await LocalStandIn.StartAsync(
            0, cosmos.Endpoint, cosmos.Settings(), runSchedules: false, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = standIn.Address };
        var tokens = standIn.HandlerServices.GetRequiredService<LocalTokens>();
        var org = Api.NewId("org");
        Authorize(http, tokens.Issue("admin-1", ["admin"], "US", TimeProvider.System));
        Assert.Equal(201, (int)(await http.PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 10_000_00, currency = "USD" }, reference = "PO-1" })).StatusCode);
        Authorize(http, tokens.Issue("buyer-1", ["corporate"], "US", TimeProvider.System, org));
        var run = Api.NewId("r");
        using var request = new HttpRequestMessage(HttpMethod.Post, OrderApp.CsvQuery())
        {
            Content = new StringContent(Csv(run), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("Idempotency-Key", Api.NewId("order"));
        var clock = Stopwatch.StartNew();

        using var placed = await http.SendAsync(request);
        Assert.Equal(202, (int)placed.StatusCode);
        await standIn.Queues.DrainAsync(TimeSpan.FromSeconds(120));
        output.WriteLine($"{Lines} lines placed, issued and delivered in {clock.Elapsed.TotalSeconds:F1} s");

        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString()!;
        var order = await (await http.GetAsync($"/api/orders/{orderId}")).JsonAsync();
        Assert.Equal("completed", order.GetProperty("status").GetString());
        Assert.Equal(Lines, order.GetProperty("counts").GetProperty("sent").GetInt32());
        var received = standIn.Mailbox.Messages.Where(m => Recipients(run).Contains(m.To)).ToList();
        Assert.Equal(Lines, received.Count);
        Assert.Equal(Lines, received.Select(m => m.To).Distinct().Count());
        Assert.Equal(Lines / 2, received.Count(m => m.Channel == MailboxMessage.Sms));
        Assert.All(received, m => Assert.Single(m.Links, l => l.Contains("/redeem?t=", StringComparison.Ordinal)));

        var link = new Uri(received[0].Links.Single(l => l.Contains("/redeem?t=", StringComparison.Ordinal)));
        var token = Uri.UnescapeDataString(link.Query["?t=".Length..]);
        Authorize(http, tokens.Issue(Api.NewId("shopper"), ["customer"], "US", TimeProvider.System));
        using var redeemed = await http.PostJsonAsync("/api/redemptions", new { linkToken = token });
        using var again = await http.PostJsonAsync("/api/redemptions", new { linkToken = token });
        Assert.Equal(200, (int)redeemed.StatusCode);
        Assert.Equal(409, (int)again.StatusCode);
        Assert.Equal(25_00, await http.GiftBalanceAsync());
        Authorize(http, tokens.Issue("buyer-1", ["corporate"], "US", TimeProvider.System, org));
        order = await (await http.GetAsync($"/api/orders/{orderId}")).JsonAsync();
        Assert.Equal(1, order.GetProperty("counts").GetProperty("redeemed").GetInt32());
    }

    /// <summary>Half the lines by email, half by SMS, each recipient this run's own.</summary>
    private static string Csv(string run) =>
        string.Join("\r\n", Enumerable.Range(0, Lines).Select(i => i % 2 == 0
                ? $"Recipient {i},r{i}.{run}@example.com,,email,25.00,USD,Thank you"
                : $"Recipient {i},,{Phone(run, i)},sms,25.00,USD,Thank you")
            .Prepend(OrderBodies.Header)) + "\r\n";

    private static HashSet<string> Recipients(string run) => Enumerable.Range(0, Lines)
        .Select(i => i % 2 == 0 ? $"r{i}.{run}@example.com" : Phone(run, i)).ToHashSet();

    /// <summary>An E.164 number unique to the run and the line.</summary>
    private static string Phone(string run, int i) =>
        "+1" + (Math.Abs(run.GetHashCode(StringComparison.Ordinal)) % 900_000 + 100_000).ToString("D6",
            System.Globalization.CultureInfo.InvariantCulture) + i.ToString("D4",
            System.Globalization.CultureInfo.InvariantCulture);

    private static void Authorize(HttpClient http, string token) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
