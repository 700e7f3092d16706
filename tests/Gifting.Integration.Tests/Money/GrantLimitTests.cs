namespace Gifting.Integration.Tests.Money;

/// <summary>A privileged caller's bad numbers are a 400, and an account's balance stays readable afterwards.</summary>
[Collection(CosmosCollection.Name)]
public sealed class GrantLimitTests(CosmosFixture cosmos) : IDisposable
{
    private readonly GiftingFactory _app = new(cosmos);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Grant_WhenAmountIsNearLongMax_Answers400AndBalanceStaysReadable()
    {
        var (shopper, account) = await _app.FundedShopperAsync(1000);

        using var grant = await GrantAsync(
            account, new { amount = long.MaxValue, currency = "USD" }, marketplace: null);

        await grant.AssertProblemAsync(400, "validation_failed");
        using var balance = await shopper.GetAsync("/api/balance");
        Assert.Equal(200, (int)balance.StatusCode);
        Assert.Equal(1000, (await balance.JsonAsync()).GetProperty("available").GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task Grant_InEuroToAnAccountWithABalance_NeedsNoMarketplace()
    {
        var account = Api.NewId("shopper");
        using var first = await GrantAsync(account, new { amount = 500, currency = "EUR" }, marketplace: "DE");
        Assert.Equal(201, (int)first.StatusCode);

        using var second = await GrantAsync(account, new { amount = 300, currency = "EUR" }, marketplace: null);

        Assert.Equal(201, (int)second.StatusCode);
        var balance = (await second.JsonAsync()).GetProperty("balance");
        Assert.Equal(("DE", 800L), (balance.GetProperty("marketplace").GetString(),
            balance.GetProperty("promotional").GetProperty("amount").GetInt64()));
    }

    [Fact]
    public async Task Grant_InEuroToANewAccountWithoutMarketplace_Answers400()
    {
        using var grant = await GrantAsync(
            Api.NewId("shopper"), new { amount = 500, currency = "EUR" }, marketplace: null);

        await grant.AssertProblemAsync(400, "validation_failed");
    }

    private Task<HttpResponseMessage> GrantAsync(string account, object amount, string? marketplace) =>
        _app.ClientFor("promo-1", "promotions").PostJsonAsync($"/api/accounts/{account}/promotional-credits",
            new
            {
                grantId = Api.NewId("grant"), amount, expiresAt = DateTimeOffset.UtcNow.AddDays(30), reason = "thanks",
                marketplace,
            });
}
