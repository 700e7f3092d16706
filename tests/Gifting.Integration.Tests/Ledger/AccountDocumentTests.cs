using System.Net;
using System.Text;

namespace Gifting.Integration.Tests.Ledger;

/// <summary>
/// The account document is what a balance read returns; the entries are the truth. An entry that a crash left
/// created but not applied is applied by the next posting before it decides, and by its own operation's retry.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class AccountDocumentTests(CosmosFixture cosmos)
{
    private static readonly object Debit1000 =
        new { orderId = "order-1", amount = new { amount = 1000, currency = "USD" }, allowPartial = false };

    [Fact]
    public async Task Debit_WhenItCrashesBeforeTheAccountIsUpdated_IsAppliedOnceByItsRetry()
    {
        var faults = new CosmosFaults();
        using var app = new GiftingFactory(cosmos, services => CosmosFaults.Install(services, cosmos, faults));
        var (shopper, account) = await app.FundedShopperAsync(5000);
        var checkout = app.ClientFor("checkout-1", "checkout");
        var key = Api.NewId("debit");
        faults.Inject(PatchesAccount, HttpStatusCode.ServiceUnavailable, limit: 1);

        using var crashed = await checkout.PostJsonAsync($"/api/accounts/{account}/debits", Debit1000, key);
        Assert.Equal(503, (int)crashed.StatusCode);
        faults.Clear();
        // The entry exists, but nothing has applied it yet.
        Assert.Equal(5000, await shopper.GiftBalanceAsync());

        using var retried = await checkout.PostJsonAsync($"/api/accounts/{account}/debits", Debit1000, key);

        Assert.Equal(201, (int)retried.StatusCode);
        Assert.Equal(4000, (await retried.JsonAsync()).GetProperty("balance").GetProperty("gift")
            .GetProperty("amount").GetInt64());
        Assert.Equal(4000, await shopper.GiftBalanceAsync());
        Assert.Equal(1, await DebitsInActivityAsync(shopper));
    }

    [Fact]
    public async Task Posting_AfterAnEntryWasLeftUnapplied_AppliesItFirst()
    {
        var faults = new CosmosFaults();
        using var app = new GiftingFactory(cosmos, services => CosmosFaults.Install(services, cosmos, faults));
        var (shopper, account) = await app.FundedShopperAsync(5000);
        faults.Inject(PatchesAccount, HttpStatusCode.ServiceUnavailable, limit: 1);
        using var crashed = await app.ClientFor("checkout-1", "checkout").PostJsonAsync(
            $"/api/accounts/{account}/debits", Debit1000, Api.NewId("debit"));
        Assert.Equal(503, (int)crashed.StatusCode);
        faults.Clear();

        // Another posting, with the debit never retried: a second redemption into the account.
        var code = (await app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 700))[0]
            .GetProperty("code").GetString()!;
        using var redeemed = await shopper.RedeemAsync(code);

        Assert.Equal(200, (int)redeemed.StatusCode);
        Assert.Equal(4700, await shopper.GiftBalanceAsync());
        Assert.Equal(1, await DebitsInActivityAsync(shopper));
    }

    [Fact]
    public async Task Preferences_SavedWhilePostingsLand_KeepBothThePreferencesAndEveryEntry()
    {
        using var app = new GiftingFactory(cosmos);
        var (shopper, account) = await app.FundedShopperAsync(10_000);
        var checkout = app.ClientFor("checkout-1", "checkout");

        var debits = Enumerable.Range(0, 8).Select(async i =>
        {
            using var debit = await checkout.PostJsonAsync($"/api/accounts/{account}/debits",
                new { orderId = $"order-{i}", amount = new { amount = 100, currency = "USD" }, kind = "subscription" },
                Api.NewId("debit"));
            return (int)debit.StatusCode;
        });
        var saves = Enumerable.Range(0, 8).Select(i => SavePreferencesAsync(shopper, applyToOrders: i % 2 == 0));
        var statuses = await Task.WhenAll(debits.Concat(saves));

        Assert.All(statuses, s => Assert.InRange(s, 200, 201));
        Assert.Equal(10_000 - 800, await shopper.GiftBalanceAsync());
        Assert.Equal(200, await SavePreferencesAsync(shopper, applyToOrders: false));
        var stored = await (await shopper.GetAsync("/api/balance/preferences")).JsonAsync();
        Assert.False(stored.GetProperty("applyToOrders").GetBoolean());
        Assert.Equal(10_000 - 800, await shopper.GiftBalanceAsync());
    }

    private static bool PatchesAccount(Microsoft.Azure.Cosmos.RequestMessage r) =>
        r.Method.Method == "PATCH"
        && r.RequestUri.OriginalString.EndsWith("/colls/ledger/docs/account", StringComparison.Ordinal);

    private static async Task<int> SavePreferencesAsync(HttpClient shopper, bool applyToOrders)
    {
        var json = $"{{\"applyToOrders\": {(applyToOrders ? "true" : "false")}, \"applyToSubscriptions\": true}}";
        using var put = await shopper.PutAsync("/api/balance/preferences",
            new StringContent(json, Encoding.UTF8, "application/json"));
        return (int)put.StatusCode;
    }

    private static async Task<int> DebitsInActivityAsync(HttpClient shopper)
    {
        var page = await (await shopper.GetAsync("/api/balance/activity")).JsonAsync();
        return page.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "debit");
    }
}
