using System.Text.Json;
using System.Text.RegularExpressions;
using Gifting.Core;
using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Funding;
using Gifting.Core.Messaging;
using Gifting.Core.Orders;
using Gifting.Infra.Cosmos;
using Gifting.Testing;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Performance;

/// <summary>
/// Document sizes as stored, the request units of each use case computed from what it sent and read, and the monthly
/// cost of a stated workload: the figures of docs/performance.md, "Request units and money". Run with
/// <c>--logger "console;verbosity=detailed"</c> to see them.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed partial class StorageCostTests : IDisposable
{
    private readonly CosmosFixture _cosmos;
    private readonly ITestOutputHelper _output;
    private readonly RecordedRequests _recorder = new();
    private readonly GiftingFactory _app;

    public StorageCostTests(CosmosFixture cosmos, ITestOutputHelper output)
    {
        _cosmos = cosmos;
        _output = output;
        _app = new GiftingFactory(cosmos, services =>
            {
                RecordedRequests.Install(services, cosmos, _recorder);
                services.AddSingleton<IMessagePublisher>(_publisher);
            },
            settings: new Dictionary<string, string>
            {
                ["Promotions:MinimumLead"] = "00:00:01", ["Redemption:ReviewThresholds:USD"] = "50000",
            });
    }

    private readonly RecordingPublisher _publisher = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task UseCases_PrintStoredSizesRequestUnitsAndMonthlyCost()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var runs = await new UseCaseRuns(_app, _recorder).RunAsync();
        await WriteTheRareDocumentsAsync();

        using var client = _cosmos.CreateClient();
        var kinds = await StoredDocuments.SinceAsync(client, _cosmos.Database, since);

        CostReport.Print(_output.WriteLine, kinds, runs);
        foreach (var container in GiftingContainers.Definitions().Select(d => d.Id))
            Assert.Contains(kinds, k => k.Container == container);
        Assert.All(runs, r => Assert.True(r.RequestUnits > 0, $"{r.UseCase} sent nothing"));
    }

    /// <summary>Every query of every use case filters only on what its container's indexing policy keeps.</summary>
    [Fact]
    public async Task UseCases_QueryOnlyIndexedPaths()
    {
        var runs = await new UseCaseRuns(_app, _recorder).RunAsync();

        AssertIndexed(runs.SelectMany(r => r.Requests));
    }

    /// <summary>A reservation replayed finds its entry by operation key; a release reads its order's entries.</summary>
    [Fact]
    public async Task FundingUseCases_QueryOnlyIndexedPaths()
    {
        var org = await FundAsync();
        _recorder.Reset();
        var reserve = _app.Services.GetRequiredService<ReserveFunding>();
        var order = new ReserveFundingCommand(org, "ord-1", new Core.Money(10_00, "USD"));
        Assert.True((await reserve.ExecuteAsync(order, CancellationToken.None)).Succeeded);
        Assert.True((await reserve.ExecuteAsync(order, CancellationToken.None)).Value.Replayed);
        var line = new ReleaseFundingCommand(org, "ord-1", "line-1", new Core.Money(5_00, "USD"));
        Assert.True((await _app.Services.GetRequiredService<ReleaseFunding>()
            .ExecuteAsync(line, CancellationToken.None)).Succeeded);

        Assert.Contains(_recorder.Requests, r => r.Operation.Container == "funding" && r.QueryText is not null);
        AssertIndexed(_recorder.Requests);
    }

    /// <summary>An order placed, issued, listed and cancelled: its queries read only indexed paths.</summary>
    [Fact]
    public async Task OrderUseCases_QueryOnlyIndexedPaths()
    {
        var org = await FundAsync();
        _recorder.Reset();

        await PlaceAndIssueAsync(org);

        Assert.Contains(_recorder.Requests, r => r.Operation.Container == "order-lines" && r.QueryText is not null);
        Assert.Contains(_recorder.Requests, r => r.Operation.Container == "orders" && r.QueryText is not null);
        AssertIndexed(_recorder.Requests);
    }

    /// <summary>Two lines placed, issued through their chunk message, listed, and cancelled.</summary>
    private async Task PlaceAndIssueAsync(OrgId org)
    {
        var lines = TestCore.Lines(2);
        var placed = await _app.Services.GetRequiredService<PlaceOrder>().ExecuteAsync(new PlaceOrderCommand(org,
            "buyer-1", PlaceOrder.OrderIdFor(org, "buyer-1", Api.NewId("key")), Core.Marketplace.Parse("US"), null,
            "Acme HR", null, lines), CancellationToken.None);
        var chunks = _app.Services.GetRequiredService<ProcessOrderChunk>();
        foreach (var message in _publisher.Drain())
            Assert.True((await chunks.ExecuteAsync(TestCore.ChunkOf(message.Body), CancellationToken.None)).Succeeded);
        var orders = _app.Services.GetRequiredService<GetOrder>();
        Assert.Single((await orders.ListAsync(org, 25, null, CancellationToken.None)).Items);
        Assert.True((await orders.LinesAsync(org, placed.Value.OrderId, 25, null, CancellationToken.None)).Succeeded);
    }

    private static void AssertIndexed(IEnumerable<RecordedRequest> requests)
    {
        var queries = requests.Where(r => r.QueryText is not null).ToList();
        Assert.NotEmpty(queries);
        foreach (var query in queries)
        {
            var policy = GiftingContainers.Definitions().Single(d => d.Id == query.Operation.Container).IndexingPolicy;
            foreach (var property in Property().Matches(query.QueryText!).Select(m => m.Groups[1].Value))
                Assert.True(property is "id" or "_ts" || IndexingPolicies.Indexes(policy, $"/{property}/?"),
                    $"'{query.QueryText}' on {query.Operation.Container} filters on {property}, which is not indexed");
        }
    }

    /// <summary>
    /// A failed attempt (a throttle counter), a held redemption, a rejected message and a redemption whose process
    /// died after the claim (its unfinished-redemption entry stays for the sweeper).
    /// </summary>
    private async Task WriteTheRareDocumentsAsync()
    {
        using var unknown = await _app.ClientFor(Api.NewId("shopper"), "customer")
            .RedeemAsync(ClaimCode.Generate().Display);
        Assert.False(unknown.IsSuccessStatusCode);
        var code = (await _app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 60_000))[0];
        using var held = await _app.ClientFor(Api.NewId("shopper"), "customer")
            .RedeemAsync(code.GetProperty("code").GetString()!);
        Assert.Equal(202, (int)held.StatusCode);
        using var rejected = await _app.CreateClient().InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", JsonSerializer.Serialize(new { refundId = "r" }), Api.NewId("m")));
        using var crashing = new GiftingFactory(_cosmos, services => services.Decorate<ICardStore>(
            inner => new CrashingCardStore(inner, card => card.Status == CardStatus.Redeeming)));
        var card = (await crashing.ClientFor("issuer-1", "issuer").IssueAsync(amount: 700))[0];
        using var crashed = await crashing.ClientFor(Api.NewId("shopper"), "customer")
            .RedeemAsync(card.GetProperty("code").GetString()!);
        Assert.Equal(500, (int)crashed.StatusCode);
        await PlaceAndIssueAsync(await FundAsync());
    }

    /// <summary>An org funded by an admin: an entry and an account document in the funding container.</summary>
    private async Task<OrgId> FundAsync()
    {
        var org = Api.NewId("org");
        using var funded = await _app.ClientFor("ops-1", "admin").PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 100_00, currency = "USD" }, reference = "PO-1" }, Api.NewId("fund"));
        Assert.Equal(201, (int)funded.StatusCode);
        return OrgId.Parse(org);
    }

    [GeneratedRegex(@"\bc\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Property();
}
