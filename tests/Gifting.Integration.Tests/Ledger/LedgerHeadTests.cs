using System.Net;

namespace Gifting.Integration.Tests.Ledger;

/// <summary>The head is only a hint: when it cannot be moved, a posting still succeeds.</summary>
[Collection(CosmosCollection.Name)]
public sealed class LedgerHeadTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task Debit_WhenHeadKeepsVanishing_GivesUpOnTheHintAfterAFewTries()
    {
        var faults = new CosmosFaults();
        using var app = new GiftingFactory(cosmos, services => CosmosFaults.Install(services, cosmos, faults));
        var (shopper, account) = await app.FundedShopperAsync(5000);
        // Every patch of the head answers "not found" while its re-creation conflicts: a head that keeps vanishing.
        faults.Inject(r => r.Method.Method == "PATCH" && r.RequestUri.OriginalString.EndsWith("/colls/ledger/docs/head",
            StringComparison.Ordinal), HttpStatusCode.NotFound, limit: 50);

        using var debit = await app.ClientFor("checkout-1", "checkout").PostJsonAsync($"/api/accounts/{account}/debits",
            new { orderId = "order-1", amount = new { amount = 1000, currency = "USD" }, allowPartial = false },
            Api.NewId("debit"));

        Assert.Equal(201, (int)debit.StatusCode);
        Assert.InRange(faults.Matched, 1, 3);
        faults.Clear();
        Assert.Equal(4000, await shopper.GiftBalanceAsync());
    }
}
