using System.Text;
using System.Text.Json;
using Gifting.Core.Messaging;
using Gifting.Testing;

namespace Gifting.Integration.Tests.Orders;

/// <summary>
/// The handler with a publisher that keeps the chunk messages, so a test delivers them to the trigger as the host
/// would, when it chooses: in Local the app registers no publisher of its own.
/// </summary>
public sealed class OrderApp : IDisposable
{
    public OrderApp(
        CosmosFixture cosmos, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null) =>
        App = new GiftingFactory(cosmos, s =>
        {
            s.AddSingleton<IMessagePublisher>(Publisher);
            services?.Invoke(s);
        }, settings: settings);

    public GiftingFactory App { get; }

    public RecordingPublisher Publisher { get; } = new();

    public void Dispose() => App.Dispose();

    public HttpClient Buyer(string org, string subject = "buyer-1", string marketplace = "US") =>
        App.ClientFor(subject, "corporate", marketplace, org);

    /// <summary>A new org with <paramref name="amount"/> minor units of funding.</summary>
    public async Task<string> FundedOrgAsync(long amount, string currency = "USD")
    {
        var org = Api.NewId("org");
        using var added = await App.ClientFor("admin-1", "admin").PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount, currency }, reference = "PO-1" }, Api.NewId("fund"));
        Assert.Equal(201, (int)added.StatusCode);
        return org;
    }

    public async Task<long> AvailableAsync(string org) =>
        (await (await Buyer(org).GetAsync("/api/funding")).JsonAsync())
            .GetProperty("available").GetProperty("amount").GetInt64();

    /// <summary>The delivery messages the chunks sent, kept for the tests that deliver them.</summary>
    public List<OutgoingMessage> Deliveries { get; } = [];

    /// <summary>
    /// Every chunk message sent so far, delivered once to <c>ProcessOrderChunk</c>, answered 200; the deliveries they
    /// send are kept in <see cref="Deliveries"/>.
    /// </summary>
    public async Task<int> DeliverChunksAsync()
    {
        var handler = App.CreateClient();
        var delivered = 0;
        while (true)
        {
            var sent = Publisher.Drain();
            Deliveries.AddRange(sent.Where(m => m.Queue != OrderChunkQueue));
            var messages = sent.Where(m => m.Queue == OrderChunkQueue).ToList();
            if (messages.Count == 0) return delivered;
            foreach (var message in messages)
            {
                using var response = await handler.InvokeAsync("ProcessOrderChunk", HostPayloads.ServiceBus(
                    "message", Encoding.UTF8.GetString(message.Body.Span), message.MessageId));
                Assert.True(200 == (int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            delivered += messages.Count;
        }
    }

    public const string OrderChunkQueue = "order-chunks";

    public static string CsvQuery(string marketplace = "US") =>
        $"/api/orders?externalRef=po-7&marketplace={marketplace}&senderName=People%20Team";

    public static Task<HttpResponseMessage> PostCsvAsync(
        HttpClient buyer, string csv, string? key, string? path = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path ?? CsvQuery())
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return buyer.SendAsync(request);
    }

    public static async Task<JsonElement> OrderAsync(HttpClient buyer, string orderId)
    {
        using var response = await buyer.GetAsync($"/api/orders/{orderId}");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<JsonElement[]> LinesAsync(HttpClient buyer, string orderId, int limit = 100)
    {
        using var response = await buyer.GetAsync($"/api/orders/{orderId}/lines?limit={limit}");
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToArray();
    }
}
