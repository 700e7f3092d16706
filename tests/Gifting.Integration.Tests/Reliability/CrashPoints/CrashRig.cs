using System.Text.Json;
using Gifting.Core.Messaging;
using Gifting.Functions.Auth;
using Gifting.Infra.Communication;
using Gifting.Infra.Cosmos;
using Gifting.Infra.Json;
using Gifting.Integration.Tests.Communication;
using Gifting.Testing;

namespace Gifting.Integration.Tests.Reliability.CrashPoints;

/// <summary>
/// One app instance over the fixture's database with every crash seam in place: Cosmos DB writes, Service Bus sends
/// (kept by a recording broker, so a test delivers them as the host would) and ACS calls (to a fake ACS). A restart
/// is <see cref="RestartAsync"/>: the seams revive and the clock moves past every lease a dead process can leave
/// behind (the idempotency record's, a delivery's claim), as the time a real restart and retry take would.
/// </summary>
public sealed class CrashRig : IAsyncDisposable
{
    /// <summary>How long a delivery's claim lasts in this app: shorter than the idempotency lease.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(5);

    private CrashRig(CosmosFixture cosmos, FakeAcs acs)
    {
        Cosmos = cosmos;
        Acs = acs;
        App = new GiftingFactory(cosmos, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IMessagePublisher>(new CrashingPublisher(Broker, Seams));
            services.AddSingleton(_ => GiftingContainers.CreateClient(
                cosmos.Options(), GiftingJson.Options, new CrashingCosmosHandler(Seams)));
            services.AddHttpClient<AcsEmailClient>().ConfigureAdditionalHttpMessageHandlers(RealTimeSigning(acs))
                .AddHttpMessageHandler(() => new CrashingAcsHandler(Seams));
            services.AddHttpClient<AcsSmsClient>().ConfigureAdditionalHttpMessageHandlers(RealTimeSigning(acs))
                .AddHttpMessageHandler(() => new CrashingAcsHandler(Seams));
        }, settings: new Dictionary<string, string>
        {
            ["Communication:ConnectionString"] = acs.ConnectionString,
            ["Communication:EmailSender"] = AcsClients.Sender,
            ["Communication:SmsFrom"] = AcsClients.SmsFrom,
            ["Delivery:ClaimLease"] = ClaimLease.ToString(),
            ["Orders:SweepAfter"] = "00:00:00",
            ["Redemption:SweepAfter"] = "00:00:00",
            ["Promotions:MinimumLead"] = "00:00:01",
        });
        Containers = cosmos.Containers();
    }

    public CosmosFixture Cosmos { get; }

    public GiftingContainers Containers { get; }

    public GiftingFactory App { get; }

    public CrashSeams Seams { get; } = new();

    public ShiftedClock Clock { get; } = new();

    /// <summary>The broker: every message the app sent, until a test takes it.</summary>
    public RecordingPublisher Broker { get; } = new();

    public FakeAcs Acs { get; }

    public static async Task<CrashRig> StartAsync(CosmosFixture cosmos) => new(cosmos, await FakeAcs.StartAsync());

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Acs.DisposeAsync();
    }

    /// <summary>
    /// ACS requests signed at the real time: the app's clock runs ahead by every lease a restart waited out, and ACS
    /// refuses a request dated more than minutes away.
    /// </summary>
    private static Action<IList<DelegatingHandler>, IServiceProvider> RealTimeSigning(FakeAcs acs) => (handlers, _) =>
    {
        for (var i = 0; i < handlers.Count; i++)
            if (handlers[i] is AcsHmacSigningHandler)
                handlers[i] = new AcsHmacSigningHandler(Convert.FromBase64String(acs.AccessKey), TimeProvider.System);
    };

    /// <summary>A client with a token for <paramref name="subject"/> as <paramref name="role"/>.</summary>
    public HttpClient Client(string subject, string role, string? org = null)
    {
        var token = App.Services.GetRequiredService<LocalTokens>()
            .Issue(subject, [role], "US", TimeProvider.System, org);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The restart: a new process over the same database, after the leases of the dead one ran out.</summary>
    public Task RestartAsync()
    {
        Seams.Revive();
        Clock.Advance(Functions.Http.Idempotency.Lease + TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    /// <summary>Invokes a trigger or timer function as the host does.</summary>
    public async Task<int> InvokeAsync(string function, string payload)
    {
        using var response = await App.CreateClient().InvokeAsync(function, payload);
        return (int)response.StatusCode;
    }

    public Task<int> TimerAsync(string function) => InvokeAsync(function, HostPayloads.Timer("timer"));

    /// <summary>The host's delivery of a message the app sent.</summary>
    public static string Payload(OutgoingMessage message) =>
        HostPayloads.ServiceBus("message", System.Text.Encoding.UTF8.GetString(message.Body.Span), message.MessageId);

    /// <summary>
    /// A client's retry after a failure: the same request again until it gets an answer that is not a failure of
    /// the service (5xx) or a key still held by the dead run (409 <c>idempotency_key_in_use</c>), waiting out the
    /// lease between tries.
    /// </summary>
    public async Task<Answer> RetryAsync(Func<Task<HttpResponseMessage>> send, int tries = 4)
    {
        Answer answer = new(0, "", default);
        for (var i = 0; i < tries; i++)
        {
            using var response = await send();
            answer = await Answer.ReadAsync(response);
            if ((int)response.StatusCode < 500 && answer.Code != "idempotency_key_in_use") return answer;
            Clock.Advance(Functions.Http.Idempotency.Lease + TimeSpan.FromSeconds(1));
        }
        return answer;
    }

    /// <summary>Every document of one partition, as stored.</summary>
    public static async Task<List<JsonElement>> PartitionAsync(Microsoft.Azure.Cosmos.Container container, string pk)
    {
        var found = new List<JsonElement>();
        var query = new Microsoft.Azure.Cosmos.QueryDefinition("SELECT * FROM c WHERE c.pk = @pk")
            .WithParameter("@pk", pk);
        using var feed = container.GetItemQueryIterator<JsonElement>(query, requestOptions: new()
        {
            PartitionKey = new Microsoft.Azure.Cosmos.PartitionKey(pk),
        });
        while (feed.HasMoreResults) found.AddRange(await feed.ReadNextAsync());
        return found;
    }

    /// <summary>An HTTP answer as read: status, stable problem code when a problem, and the JSON body.</summary>
    public sealed record Answer(int Status, string? Code, JsonElement Body)
    {
        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            JsonElement body = default;
            try
            {
                if (text.Length > 0) body = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                body = default;
            }
            var code = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("code", out var c)
                && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            return new((int)response.StatusCode, code, body);
        }

        public override string ToString() =>
            Code is null ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Status} {Code}";
    }
}
