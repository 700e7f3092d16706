using System.Net.Http.Json;
using System.Text.Json;
using static Gifting.Integration.Tests.Performance.UseCaseRequests;

namespace Gifting.Integration.Tests.Performance;

/// <summary>What one use case sent to the database, warm (after one run of the same kind).</summary>
public sealed record UseCaseRun(string UseCase, IReadOnlyList<RecordedRequest> Requests)
{
    public double RequestUnits => Requests.Sum(RequestUnitModel.Charge);
}

/// <summary>
/// Runs each use case through HTTP, as <see cref="OperationBudgetTests"/> does, and keeps the requests of its second
/// run. The app must be built with <see cref="RecordedRequests.Install"/> and a one-second promotional lead.
/// </summary>
public sealed class UseCaseRuns(GiftingFactory app, RecordedRequests recorder)
{
    public const string Redemption = "redemption";
    public const string BalanceRead = "balance read";
    public const string CardIssue = "card issue of 1 (an e-gift)";
    public const string ExpiryIdle = "expiry timer, nothing due";
    public const string ExpiryOneLot = "expiry timer, one lot due";
    public const string SweepIdle = "sweeper timer, nothing due";

    private HttpClient Issuer => app.ClientFor("issuer-1", "issuer");

    public async Task<IReadOnlyList<UseCaseRun>> RunAsync()
    {
        var runs = new List<UseCaseRun>();
        var (shopper, account) = await app.FundedShopperAsync(10_000);
        for (var i = 0; i < 30; i++) await app.PayAsync(account, 1, $"order-{i}");
        runs.Add(await WarmAsync(BalanceRead, () => Ok(shopper.GetAsync("/api/balance"))));
        runs.Add(await WarmAsync("activity page of 25", () => Ok(shopper.GetAsync("/api/balance/activity?limit=25"))));
        var redeemer = app.ClientFor(Api.NewId("shopper"), "customer");
        var cards = await Issuer.IssueAsync(count: 2);
        var codes = new Queue<string>(cards.Select(c => c.GetProperty("code").GetString()!));
        runs.Add(await WarmAsync(Redemption, () => Ok(redeemer.RedeemAsync(codes.Dequeue()))));
        runs.Add(await WarmAsync("debit", () => app.PayAsync(account, 100, Api.NewId("order"))));
        var (_, refunded) = await app.FundedShopperAsync(1000);
        await app.PayAsync(refunded, 500);
        var handler = app.CreateClient();
        runs.Add(await WarmAsync("refund", () => Ok(handler.InvokeAsync("ProcessRefund",
            HostPayloads.ServiceBus("message", RefundBody(refunded), messageId: Api.NewId("message"))))));
        var granted = Api.NewId("shopper");
        runs.Add(await WarmAsync("grant", () => GrantAsync(granted, TimeSpan.FromDays(30))));
        var physical = await SerialsAsync("physical");
        var retailer = app.ClientFor("store-42", "retailer");
        runs.Add(await WarmAsync("activation", () => Ok(retailer.PostJsonAsync(
            $"/api/cards/{physical.Dequeue()}/activation", new { retailerId = "store-42", receiptRef = "r-1" }))));
        var digital = await SerialsAsync("digital");
        var admin = app.ClientFor("ops-1", "admin");
        runs.Add(await WarmAsync("cancellation",
            () => Ok(admin.PostAsync($"/api/cards/{digital.Dequeue()}/cancellation", null))));
        runs.Add(await WarmAsync(CardIssue, () => Issuer.IssueAsync(count: 1)));
        runs.Add(await WarmAsync("balance preferences saved", () => Ok(shopper.PutAsJsonAsync(
            "/api/balance/preferences", new { applyToOrders = true, applyToSubscriptions = false }))));
        runs.Add(await WarmAsync(ExpiryIdle, () => Timer(handler, "ExpirePromotionalCredits")));
        runs.Add(await WarmAsync(SweepIdle, () => Timer(handler, "SweepRedemptions")));
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(2);
        await GrantAsync(Api.NewId("shopper"), expiresAt - DateTimeOffset.UtcNow);
        await Task.Delay(expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(0.5));
        runs.Add(await OnceAsync(ExpiryOneLot, () => Timer(handler, "ExpirePromotionalCredits")));
        return runs;
    }

    private async Task<UseCaseRun> WarmAsync(string useCase, Func<Task> run)
    {
        await run();
        return await OnceAsync(useCase, run);
    }

    private async Task<UseCaseRun> OnceAsync(string useCase, Func<Task> run)
    {
        recorder.Reset();
        await run();
        return new UseCaseRun(useCase, recorder.Requests);
    }

    private static Task Timer(HttpClient handler, string function) =>
        Ok(handler.InvokeAsync(function, HostPayloads.Timer("timer")));

    private Task GrantAsync(string account, TimeSpan lead) => UseCaseRequests.GrantAsync(app, account, lead);

    private Task<Queue<string>> SerialsAsync(string kind) => UseCaseRequests.SerialsAsync(Issuer, kind);
}
