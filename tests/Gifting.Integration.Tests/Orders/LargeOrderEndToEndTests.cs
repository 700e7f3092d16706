using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Gifting.Functions.Auth;
using Gifting.LocalHost;
using Microsoft.Azure.Cosmos;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Orders;

/// <summary>
/// The contract's largest order, 10,000 CSV lines, from <c>POST</c> through the local stand-in's <c>order-chunks</c>
/// queue to every line issued against the emulator: one card per line, each named by its line, and the org's funding
/// debited by exactly the total. Its delivery is a day away, so its lines wait as scheduled and nothing is sent. It
/// prints the seconds it took.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class LargeOrderEndToEndTests(CosmosFixture cosmos, ITestOutputHelper output)
{
    private const int Lines = 10_000;

    [Fact]
    public async Task TenThousandLineCsvOrder_IsIssuedExactlyOnceThroughTheQueue()
    {
        await using var standIn = await LocalStandIn.StartAsync(
            0, cosmos.Endpoint, cosmos.Settings(), runSchedules: false, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = standIn.Address, Timeout = TimeSpan.FromMinutes(5) };
        var tokens = standIn.HandlerServices.GetRequiredService<LocalTokens>();
        var org = Api.NewId("org");
        Authorize(http, tokens.Issue("admin-1", ["admin"], "US", TimeProvider.System));
        using var funded = await http.PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 300_000_00, currency = "USD" }, reference = "PO-1" }, Api.NewId("fund"));
        Assert.Equal(201, (int)funded.StatusCode);
        Authorize(http, tokens.Issue("buyer-1", ["corporate"], "US", TimeProvider.System, org));
        var clock = Stopwatch.StartNew();

        using var request = new HttpRequestMessage(HttpMethod.Post,
            "/api/orders?externalRef=PO-77&marketplace=US&senderName=Acme%20HR&deliverAt="
            + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssK",
                System.Globalization.CultureInfo.InvariantCulture)))
        {
            Content = new StringContent(OrderBodies.Csv(Lines, "\r\n"), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("Idempotency-Key", Api.NewId("order"));
        using var accepted = await http.SendAsync(request);
        var intake = clock.Elapsed;
        Assert.Equal(202, (int)accepted.StatusCode);
        var orderId = (await accepted.JsonAsync()).GetProperty("orderId").GetString()!;
        await standIn.Queues.DrainAsync(TimeSpan.FromMinutes(10));
        var issued = clock.Elapsed;

        var order = await (await http.GetAsync($"/api/orders/{orderId}")).JsonAsync();
        output.WriteLine($"{Lines} lines: accepted in {intake.TotalSeconds:F1} s, all issued after "
            + $"{issued.TotalSeconds:F1} s");
        Assert.Equal(Lines, order.GetProperty("counts").GetProperty("issued").GetInt32());
        Assert.Equal("delivering", order.GetProperty("status").GetString());
        var funding = await (await http.GetAsync("/api/funding")).JsonAsync();
        Assert.Equal(300_000_00 - Lines * 25_00, funding.GetProperty("available").GetProperty("amount").GetInt64());
        await AssertOneCardPerLineAsync(orderId);
        Assert.Equal(Lines, standIn.Queues.Scheduled);
        Assert.Empty(standIn.Mailbox.Messages);
    }

    /// <summary>
    /// Every line names a card by its code hash, and the card found there is active, is the line's (its id) and names
    /// the line back; no two lines name one card.
    /// </summary>
    private async Task AssertOneCardPerLineAsync(string orderId)
    {
        using var client = cosmos.CreateClient();
        var database = client.GetDatabase(cosmos.Database);
        var lines = await QueryAsync(database.GetContainer("order-lines"), new QueryDefinition(
                "SELECT c.id, c.index, c.cardId, c.codeHash, c.status FROM c WHERE c.pk = @pk")
            .WithParameter("@pk", orderId), orderId);
        var cards = database.GetContainer("cards");
        var mismatches = 0;
        await Parallel.ForEachAsync(lines, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (line, ct) =>
        {
            var hash = line["codeHash"]!.ToString()!;
            var card = (await cards.ReadItemAsync<Dictionary<string, object?>>(hash, new PartitionKey(hash),
                cancellationToken: ct)).Resource;
            var linked = (System.Text.Json.JsonElement)card["line"]!;
            var same = card["cardId"]!.ToString() == line["cardId"]!.ToString()
                && card["status"]!.ToString() == "active"
                && linked.GetProperty("orderId").GetString() == orderId
                && linked.GetProperty("index").GetInt32().ToString() == line["index"]!.ToString();
            if (!same) Interlocked.Increment(ref mismatches);
        });

        Assert.Equal(Lines, lines.Count);
        Assert.All(lines, l => Assert.Equal("scheduled", l["status"]!.ToString()));
        Assert.Equal(Lines, lines.Select(l => l["cardId"]!.ToString()).Distinct().Count());
        Assert.Equal(0, mismatches);
    }

    private static async Task<List<Dictionary<string, object?>>> QueryAsync(
        Container container, QueryDefinition query, string partition)
    {
        var options = new QueryRequestOptions { MaxItemCount = 1000, PartitionKey = new PartitionKey(partition) };
        var found = new List<Dictionary<string, object?>>();
        using var iterator = container.GetItemQueryIterator<Dictionary<string, object?>>(query,
            requestOptions: options);
        while (iterator.HasMoreResults) found.AddRange(await iterator.ReadNextAsync());
        return found;
    }

    private static void Authorize(HttpClient http, string token) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
