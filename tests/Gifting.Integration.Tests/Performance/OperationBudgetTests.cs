using System.Text.Json;
using static Gifting.Integration.Tests.Performance.UseCaseRequests;
using Gifting.Core;
using Gifting.Core.Funding;
using Microsoft.Azure.Cosmos;
using Xunit.Abstractions;

namespace Gifting.Integration.Tests.Performance;

/// <summary>
/// Each use case, through HTTP, warm (after one run of the same kind), counted at the app's Cosmos client. A budget is
/// the document operations the current design needs; docs/performance.md sets them beside the targets.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class OperationBudgetTests : IDisposable
{
    private readonly CosmosOperationCounter _counter = new();
    private readonly GiftingFactory _app;
    private readonly ITestOutputHelper _output;

    public OperationBudgetTests(CosmosFixture cosmos, ITestOutputHelper output)
    {
        _output = output;
        _app = new GiftingFactory(cosmos, services => CosmosOperationCounter.Install(services, cosmos, _counter),
            settings: new Dictionary<string, string> { ["Promotions:MinimumLead"] = "00:00:01" });
    }

    public void Dispose()
    {
        Assert.DoesNotContain(_counter.All, o => o.CrossPartition);
        _app.Dispose();
    }

    [Fact]
    public async Task BalanceRead_StaysWithinItsBudget()
    {
        var (shopper, _) = await _app.FundedShopperAsync(1000);
        await MeasureAsync("balance read", OperationBudgets.BalanceRead, () => Ok(shopper.GetAsync("/api/balance")));
    }

    [Fact]
    public async Task ActivityPageOf25_StaysWithinItsBudget()
    {
        var (shopper, account) = await _app.FundedShopperAsync(10_000);
        for (var i = 0; i < 30; i++) await _app.PayAsync(account, 1, $"order-{i}");
        await MeasureAsync("activity page of 25", OperationBudgets.ActivityPage,
            () => Ok(shopper.GetAsync("/api/balance/activity?limit=25")));
    }

    [Fact]
    public async Task Redemption_StaysWithinItsBudget()
    {
        var shopper = _app.ClientFor(Api.NewId("shopper"), "customer");
        var cards = await Issuer.IssueAsync(count: 2);
        var codes = new Queue<string>(cards.Select(c => c.GetProperty("code").GetString()!));
        await MeasureAsync("redemption", OperationBudgets.Redemption, () => Ok(shopper.RedeemAsync(codes.Dequeue())));
    }

    [Fact]
    public async Task Debit_StaysWithinItsBudget()
    {
        var (_, account) = await _app.FundedShopperAsync(1000);
        await MeasureAsync("debit", OperationBudgets.Debit, () => _app.PayAsync(account, 100, Api.NewId("order")));
    }

    [Fact]
    public async Task Refund_StaysWithinItsBudget()
    {
        var (_, account) = await _app.FundedShopperAsync(1000);
        await _app.PayAsync(account, 500);
        var handler = _app.CreateClient();
        await MeasureAsync("refund", OperationBudgets.Refund, () => Ok(handler.InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", RefundBody(account), messageId: Api.NewId("message")))));
    }

    [Fact]
    public async Task Grant_StaysWithinItsBudget()
    {
        var account = Api.NewId("shopper");
        await MeasureAsync("grant", OperationBudgets.Grant, () => GrantAsync(account, TimeSpan.FromDays(30)));
    }

    [Fact]
    public async Task FundingAdd_StaysWithinItsBudget()
    {
        var org = Api.NewId("org");
        var admin = _app.ClientFor("ops-1", "admin");
        await MeasureAsync("funding add", OperationBudgets.FundingAdd, () => Ok(admin.PostJsonAsync(
            $"/api/orgs/{org}/funding", new { amount = new { amount = 100_00, currency = "USD" }, reference = "PO-1" },
            Api.NewId("fund"))));
    }

    [Fact]
    public async Task FundingReserve_StaysWithinItsBudget()
    {
        var org = Api.NewId("org");
        using var funded = await _app.ClientFor("ops-1", "admin").PostJsonAsync($"/api/orgs/{org}/funding",
            new { amount = new { amount = 100_00, currency = "USD" }, reference = "PO-1" }, Api.NewId("fund"));
        Assert.Equal(201, (int)funded.StatusCode);
        var reserve = _app.Services.GetRequiredService<ReserveFunding>();
        await MeasureAsync("funding reserve", OperationBudgets.FundingReserve, async () =>
        {
            var command = new ReserveFundingCommand(OrgId.Parse(org), Api.NewId("ord"), new Core.Money(1_00, "USD"));
            Assert.True((await reserve.ExecuteAsync(command, CancellationToken.None)).Succeeded);
        });
    }

    [Fact]
    public async Task Activation_StaysWithinItsBudget()
    {
        var serials = await SerialsAsync("physical");
        var retailer = _app.ClientFor("store-42", "retailer");
        await MeasureAsync("activation", OperationBudgets.Activation, () => Ok(retailer.PostJsonAsync(
            $"/api/cards/{serials.Dequeue()}/activation", new { retailerId = "store-42", receiptRef = "r-1" })));
    }

    [Fact]
    public async Task Cancellation_StaysWithinItsBudget()
    {
        var serials = await SerialsAsync("digital");
        var admin = _app.ClientFor("ops-1", "admin");
        await MeasureAsync("cancellation", OperationBudgets.Cancellation,
            () => Ok(admin.PostAsync($"/api/cards/{serials.Dequeue()}/cancellation", null)));
    }

    [Fact]
    public async Task CardLookupBySerial_StaysWithinItsBudget()
    {
        var serials = await SerialsAsync("digital");
        var support = _app.ClientFor("support-1", "support");
        await MeasureAsync("card lookup by serial", OperationBudgets.CardLookup,
            () => Ok(support.GetAsync($"/api/cards/{serials.Dequeue()}")));
    }

    [Fact]
    public async Task CardIssueOfOne_StaysWithinItsBudget() =>
        await MeasureAsync("card issue of 1", OperationBudgets.CardIssue, () => Issuer.IssueAsync(count: 1));

    /// <summary>Runs of one lot and of three lots: the difference is the cost of a lot, the rest a run's own.</summary>
    [Fact]
    public async Task Expiry_CostsAConstantPerLot()
    {
        var handler = _app.CreateClient();
        await Ok(handler.InvokeAsync("ExpirePromotionalCredits", HostPayloads.Timer("timer")));
        var one = await ExpiryRunAsync(handler, lots: 1);
        var three = await ExpiryRunAsync(handler, lots: 3);
        var perLot = (three - one) / 2;
        var run = one - perLot;
        _output.WriteLine($"expiry: {run} per run + {perLot} per lot (1 lot: {one}, 3 lots: {three})");
        Assert.True(perLot <= OperationBudgets.ExpiryPerLot, $"expiry costs {perLot} per lot");
        Assert.True(run <= OperationBudgets.ExpiryPerRun, $"an expiry run costs {run} besides its lots");
    }

    /// <summary>The budgets are only as good as the counter: it tells a cross-partition query from the rest.</summary>
    [Theory]
    [InlineData("POST", "dbs/d/colls/ledger", "[\"acct-1\"]", null, CosmosOperationKind.Query, false)]
    [InlineData("POST", "dbs/d/colls/ledger", null, null, CosmosOperationKind.Query, true)]
    [InlineData("POST", "dbs/d/colls/ledger", "[\"acct-1\"]", "True", CosmosOperationKind.Query, true)]
    [InlineData("GET", "dbs/d/colls/ledger/docs/head", "[\"acct-1\"]", "True", CosmosOperationKind.PointRead, false)]
    [InlineData("GET", "dbs/d/colls/ledger/pkranges", null, null, CosmosOperationKind.Metadata, false)]
    public void Counter_ClassifiesRequestsByKindAndPartition(
        string method, string path, string? partitionKey, string? crossPartition, CosmosOperationKind kind, bool cross)
    {
        var request = new RequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST") request.Headers.Set("x-ms-documentdb-isquery", "True");
        if (partitionKey is not null) request.Headers.Set("x-ms-documentdb-partitionkey", partitionKey);
        if (crossPartition is not null)
            request.Headers.Set("x-ms-documentdb-query-enablecrosspartition", crossPartition);

        var operation = CosmosOperationCounter.Classify(request);

        Assert.Equal((kind, cross, "ledger"), (operation.Kind, operation.CrossPartition, operation.Container));
    }

    private HttpClient Issuer => _app.ClientFor("issuer-1", "issuer");

    private async Task<int> ExpiryRunAsync(HttpClient handler, int lots)
    {
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(2);
        for (var i = 0; i < lots; i++) await GrantAsync(Api.NewId("shopper"), expiresAt - DateTimeOffset.UtcNow);
        await Task.Delay(expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(0.5));
        _counter.Reset();
        using var response = await handler.InvokeAsync("ExpirePromotionalCredits", HostPayloads.Timer("timer"));
        var log = (await response.JsonAsync()).GetProperty("Logs")[0].GetString()!;
        Assert.StartsWith($"{lots} lots due, {lots} expired", log, StringComparison.Ordinal);
        Report($"expiry run of {lots} lot(s)", _counter.Operations);
        return _counter.Operations.Count(o => o.IsDocument);
    }

    [Fact]
    public async Task Reload_StaysWithinItsBudget()
    {
        var account = Api.NewId("shopper");
        var checkout = _app.ClientFor("checkout-1", "checkout");
        await MeasureAsync("reload", OperationBudgets.Reload, () => Ok(checkout.PostJsonAsync(
            $"/api/accounts/{account}/reloads",
            new { paymentId = Api.NewId("pay"), amount = new { amount = 10_00, currency = "USD" } })));
    }

    [Fact]
    public async Task Adjustment_StaysWithinItsBudget()
    {
        var (_, account) = await _app.FundedShopperAsync(1000);
        var admin = _app.ClientFor("ops-1", "admin");
        await MeasureAsync("adjustment", OperationBudgets.Adjustment, () => Ok(admin.PostJsonAsync(
            $"/api/accounts/{account}/adjustments", new { adjustmentId = Api.NewId("adj"), direction = "credit",
                amount = new { amount = 1_00, currency = "USD" }, reasonCode = "goodwill" })));
    }

    [Fact]
    public async Task Reversal_StaysWithinItsBudget()
    {
        var (_, account) = await _app.FundedShopperAsync(1000);
        var admin = _app.ClientFor("ops-1", "admin");
        var entries = new Queue<string>();
        for (var i = 0; i < 2; i++)
        {
            using var credit = await admin.PostJsonAsync($"/api/accounts/{account}/adjustments", new
            {
                adjustmentId = Api.NewId("adj"), direction = "credit", amount = new { amount = 1_00, currency = "USD" },
                reasonCode = "goodwill",
            });
            entries.Enqueue((await credit.JsonAsync()).GetProperty("id").GetString()!);
        }
        await MeasureAsync("reversal", OperationBudgets.Reversal, () => Ok(admin.PostJsonAsync(
            $"/api/accounts/{account}/entries/{entries.Dequeue()}/reversal", new { reason = "error" })));
    }

    [Fact]
    public async Task AccountFreeze_StaysWithinItsBudget()
    {
        var (_, account) = await _app.FundedShopperAsync(1000);
        var support = _app.ClientFor("help-1", "support");
        var paths = new Queue<string>(["freeze", "unfreeze"]);
        await MeasureAsync("account freeze", OperationBudgets.AccountFreeze, () => Ok(support.PostJsonAsync(
            $"/api/accounts/{account}/{paths.Dequeue()}", new { reason = "checking" })));
    }

    [Fact]
    public async Task CardFreeze_StaysWithinItsBudget()
    {
        var serials = await SerialsAsync("digital");
        var support = _app.ClientFor("help-1", "support");
        await MeasureAsync("card freeze", OperationBudgets.CardFreeze, () => Ok(support.PostJsonAsync(
            $"/api/cards/{serials.Dequeue()}/freeze", new { reason = "reported stolen" })));
    }

    [Fact]
    public async Task ReviewList_StaysWithinItsBudget()
    {
        var support = _app.ClientFor("help-1", "support");
        await MeasureAsync("review list", OperationBudgets.ReviewList, () => Ok(support.GetAsync("/api/reviews")));
    }

    private async Task MeasureAsync(string useCase, int budget, Func<Task> run)
    {
        _counter.Reset();
        await run();
        Report($"{useCase}, first in this app", _counter.Operations);
        _counter.Reset();
        await run();
        var operations = _counter.Operations;
        Report(useCase, operations);
        var documents = operations.Count(o => o.IsDocument);
        Assert.True(documents <= budget, $"{useCase}: {documents} document operations, budget {budget}");
        Assert.DoesNotContain(operations, o => o.CrossPartition);
    }

    private void Report(string useCase, IReadOnlyList<CosmosOperation> operations)
    {
        var documents = operations.Where(o => o.IsDocument).ToList();
        _output.WriteLine($"{useCase}: {documents.Count} document operations [{Breakdown(documents)}], "
            + $"{operations.Count - documents.Count} metadata [{Breakdown(operations.Where(o => !o.IsDocument))}]");
    }

    private static string Breakdown(IEnumerable<CosmosOperation> operations) => string.Join(", ",
        operations.GroupBy(o => o.ToString()).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()}x {g.Key}"));

    private Task GrantAsync(string account, TimeSpan lead) => UseCaseRequests.GrantAsync(_app, account, lead);

    private Task<Queue<string>> SerialsAsync(string kind) => UseCaseRequests.SerialsAsync(Issuer, kind);
}
