using System.Net;

namespace Gifting.Integration.Tests.Http;

/// <summary>
/// Cosmos DB stays throttled, unavailable or slow past the SDK's retries: the caller gets 503 <c>service_busy</c>
/// with <c>Retry-After</c>, nothing is posted, and a retry under the same key runs again.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class ServiceBusyTests(CosmosFixture cosmos)
{
    public static TheoryData<HttpStatusCode, int?, string> Faults => new()
    {
        { HttpStatusCode.TooManyRequests, 1500, "2" },
        { HttpStatusCode.ServiceUnavailable, null, "1" },
        { HttpStatusCode.RequestTimeout, null, "1" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Debit_WhenLedgerWritesStayRefused_AnswersServiceBusyAndChangesNothing(
        HttpStatusCode status, int? retryAfterMs, string expectedRetryAfter)
    {
        var faults = new CosmosFaults();
        using var app = new GiftingFactory(cosmos, services => CosmosFaults.Install(services, cosmos, faults));
        var (shopper, account) = await app.FundedShopperAsync(5000);
        var checkout = app.ClientFor("checkout-1", "checkout");
        var key = Api.NewId("debit");
        var body = new { orderId = "order-1", amount = new { amount = 1000, currency = "USD" }, allowPartial = false };
        // Point reads pass; every write and query on the ledger is refused.
        faults.Inject(r => CosmosFaults.Targets(r, "ledger") && r.Method != HttpMethod.Get, status,
            retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null);

        using var busy = await checkout.PostJsonAsync($"/api/accounts/{account}/debits", body, key);

        await busy.AssertProblemAsync(503, "service_busy");
        Assert.Equal(expectedRetryAfter, busy.Headers.RetryAfter?.ToString());
        Assert.True(faults.Matched > 0);
        faults.Clear();
        Assert.Equal(5000, await shopper.GiftBalanceAsync());
        var activity = await (await shopper.GetAsync("/api/balance/activity")).JsonAsync();
        Assert.Single(activity.GetProperty("items").EnumerateArray());
        using var retried = await checkout.PostJsonAsync($"/api/accounts/{account}/debits", body, key);
        Assert.Equal(201, (int)retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(4000, await shopper.GiftBalanceAsync());
    }
}
