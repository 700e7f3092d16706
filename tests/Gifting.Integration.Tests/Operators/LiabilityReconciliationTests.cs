using System.Text.Json;

namespace Gifting.Integration.Tests.Operators;

/// <summary>
/// After a long random history through the API (cards issued, activated, redeemed, held and reviewed, cancelled;
/// debits, refunds, grants, expiries, funding; retries and redeliveries among them), the liability report equals, to
/// the cent, the same figures recomputed by scanning every card, ledger and funding document of the marketplace.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class LiabilityReconciliationTests(CosmosFixture cosmos) : IDisposable
{
    // A marketplace no other test uses, so the scan and the totals see only this history.
    private const string Market = "PL";
    private const string Currency = "PLN";

    private readonly GiftingFactory _app = new(cosmos,
        settings: new Dictionary<string, string> { ["Redemption:ReviewThresholds:PLN"] = "50000" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task LiabilityReport_AfterALongRandomHistory_EqualsAFullScanToTheCent()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var issuer = _app.ClientFor("issuer-pl", "issuer", Market);
        var retailer = _app.ClientFor("store-pl", "retailer", Market);
        var support = _app.ClientFor("help-pl", "support", Market);
        var admin = _app.ClientFor("ops-pl", "admin", Market);
        var checkout = _app.ClientFor("checkout-pl", "checkout", Market);
        var promotions = _app.ClientFor("promo-pl", "promotions", Market);
        var accounts = Enumerable.Range(0, 4).Select(_ => Api.NewId("pl-shopper")).ToList();
        var orgs = Enumerable.Range(0, 2).Select(_ => Api.NewId("pl-org")).ToList();
        var cards = new List<(string Serial, string Code)>();
        var shortLived = DateTimeOffset.UtcNow.AddSeconds(6);

        for (var step = 0; step < 120; step++)
        {
            var account = accounts[random.Next(accounts.Count)];
            switch (random.Next(10))
            {
                case 0 or 1:
                    var physical = random.Next(3) == 0;
                    var key = Api.NewId("issue");
                    var body = JsonSerializer.Serialize(new
                    {
                        count = random.Next(1, 4),
                        value = new { amount = random.Next(1, 9) * 10_00L, currency = Currency },
                        marketplace = Market, kind = physical ? "physical" : "digital",
                    });
                    using (var issued = await issuer.PostRawAsync("/api/cards", body, key))
                    {
                        Assert.Equal(201, (int)issued.StatusCode);
                        cards.AddRange((await issued.JsonAsync()).GetProperty("cards").EnumerateArray().Select(c =>
                            (c.GetProperty("serial").GetString()!, c.GetProperty("code").GetString()!)));
                    }
                    // A retry of the same request counts nothing again.
                    if (random.Next(2) == 0) (await issuer.PostRawAsync("/api/cards", body, key)).Dispose();
                    break;
                case 2 when cards.Count > 0:
                    var serial = cards[random.Next(cards.Count)].Serial;
                    (await retailer.PostJsonAsync($"/api/cards/{serial}/activation", new { retailerId = "store-pl" }))
                        .Dispose();
                    break;
                case 3 or 4 when cards.Count > 0:
                    var code = cards[random.Next(cards.Count)].Code;
                    var redeemKey = Api.NewId("redeem");
                    var shopper = _app.ClientFor(account, "customer", Market);
                    (await shopper.RedeemAsync(code, redeemKey)).Dispose();
                    if (random.Next(3) == 0) (await shopper.RedeemAsync(code, redeemKey)).Dispose();
                    break;
                case 5 when cards.Count > 0:
                    var decision = random.Next(2) == 0 ? "approve" : "decline";
                    (await support.PostJsonAsync($"/api/cards/{cards[random.Next(cards.Count)].Serial}/review",
                        new { decision })).Dispose();
                    break;
                case 6 when cards.Count > 0:
                    var cancelled = cards[random.Next(cards.Count)].Serial;
                    (await admin.PostAsync($"/api/cards/{cancelled}/cancellation", null)).Dispose();
                    if (random.Next(3) == 0) (await admin.PostAsync($"/api/cards/{cancelled}/cancellation", null))
                        .Dispose();
                    break;
                case 7:
                    var debitKey = Api.NewId("debit");
                    var debit = new
                    {
                        orderId = Api.NewId("order"),
                        amount = new { amount = random.Next(1, 300) * 10L, currency = Currency },
                        allowPartial = true,
                    };
                    (await checkout.PostJsonAsync($"/api/accounts/{account}/debits", debit, debitKey)).Dispose();
                    if (random.Next(3) == 0)
                        (await checkout.PostJsonAsync($"/api/accounts/{account}/debits", debit, debitKey)).Dispose();
                    break;
                case 8:
                    var grant = new
                    {
                        grantId = Api.NewId("grant"),
                        amount = new { amount = random.Next(1, 50) * 10L, currency = Currency },
                        expiresAt = random.Next(2) == 0 ? shortLived : DateTimeOffset.UtcNow.AddDays(30),
                        reason = "reconciliation",
                    };
                    (await promotions.PostJsonAsync($"/api/accounts/{account}/promotional-credits", grant)).Dispose();
                    break;
                default:
                    if (random.Next(2) == 0)
                    {
                        var funding = new
                        {
                            amount = new { amount = random.Next(1, 100) * 100L, currency = Currency },
                            reference = Api.NewId("wire"),
                        };
                        (await admin.PostJsonAsync($"/api/orgs/{orgs[random.Next(orgs.Count)]}/funding", funding))
                            .Dispose();
                    }
                    else
                    {
                        var refund = JsonSerializer.Serialize(new
                        {
                            refundId = Api.NewId("refund"), accountId = account, orderId = Api.NewId("order"),
                            amount = new { amount = random.Next(1, 100) * 10L, currency = Currency },
                            origin = "external",
                        });
                        var handler = _app.CreateClient();
                        for (var copy = 0; copy < random.Next(1, 3); copy++)
                            (await handler.InvokeAsync("ProcessRefund", HostPayloads.ServiceBus("message", refund)))
                                .Dispose();
                    }
                    break;
            }
        }
        var wait = shortLived - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        for (var run = 0; run < 2; run++)
            (await _app.CreateClient().InvokeAsync("ExpirePromotionalCredits", HostPayloads.Timer("timer"))).Dispose();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddDays(-1);
        var to = today.AddDays(2);
        using var response = await _app.ClientFor("fin-1", "finance", Market)
            .GetAsync($"/api/reports/liability?marketplace={Market}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Equal(200, (int)response.StatusCode);
        var item = Assert.Single((await response.JsonAsync()).GetProperty("items").EnumerateArray());
        var scan = await ScanAsync(from, to);

        var reported = new[]
        {
            Amount(item, "unredeemedCardValue"), Amount(item, "giftBalances"), Amount(item, "promotionalBalances"),
            Amount(item, "pendingReview"), Amount(item, "corporateFunding"), Amount(item, "breakage"),
        };
        Assert.True(scan.SequenceEqual(reported),
            $"seed {seed}: scan [{string.Join(", ", scan)}] but report [{string.Join(", ", reported)}]");
        Assert.True(scan.All(v => v >= 0) && scan[0] > 0 && scan[1] > 0, $"seed {seed}: a thin history {scan[0]}");
    }

    private static long Amount(JsonElement item, string name) =>
        item.GetProperty(name).GetProperty("amount").GetInt64();

    /// <summary>The figures by their definitions, from every document (a scan: test data only).</summary>
    private async Task<long[]> ScanAsync(DateOnly from, DateOnly to)
    {
        var containers = cosmos.Containers();
        var cards = await AllAsync(containers.Cards);
        var unredeemed = cards.Where(IsOurCard)
            .Where(c => c.GetProperty("status").GetString() is "active" or "inactive")
            .Sum(c => c.GetProperty("value").GetProperty("amount").GetInt64());
        var pending = cards.Where(IsOurCard).Where(c => c.GetProperty("status").GetString() is "held")
            .Sum(c => c.GetProperty("value").GetProperty("amount").GetInt64());
        var entries = (await AllAsync(containers.Ledger)).Where(e => e.GetProperty("docType").GetString() == "entry"
            && e.GetProperty("marketplace").GetString() == Market).ToList();
        var latest = entries.GroupBy(e => e.GetProperty("pk").GetString())
            .Select(g => g.MaxBy(e => e.GetProperty("seq").GetInt64())).ToList();
        var gift = latest.Sum(e => e.GetProperty("gift").GetInt64());
        var promotional = latest.Sum(e => e.GetProperty("lots").EnumerateArray()
            .Sum(l => l.GetProperty("amount").GetInt64()));
        var breakage = entries.Where(e => e.GetProperty("type").GetString() == "promo_expiry")
            .Where(e => DateOnly.FromDateTime(e.GetProperty("occurredAt").GetDateTimeOffset().UtcDateTime) is var d
                && d >= from && d < to)
            .Sum(e => e.GetProperty("amount").GetProperty("amount").GetInt64());
        var funding = (await AllAsync(containers.Funding))
            .Where(e => e.GetProperty("docType").GetString() == "entry"
                && e.GetProperty("amount").GetProperty("currency").GetString() == Currency)
            .GroupBy(e => e.GetProperty("pk").GetString())
            .Sum(g => g.MaxBy(e => e.GetProperty("seq").GetInt64()).GetProperty("gift").GetInt64());
        return [unredeemed, gift, promotional, pending, funding, breakage];
    }

    private static bool IsOurCard(JsonElement c) =>
        c.GetProperty("docType").GetString() == "card" && c.GetProperty("marketplace").GetString() == Market;

    private static async Task<List<JsonElement>> AllAsync(Microsoft.Azure.Cosmos.Container container)
    {
        var found = new List<JsonElement>();
        using var feed = container.GetItemQueryIterator<JsonElement>((string?)null);
        while (feed.HasMoreResults) found.AddRange(await feed.ReadNextAsync());
        return found;
    }
}
