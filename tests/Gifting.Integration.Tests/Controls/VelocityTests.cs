namespace Gifting.Integration.Tests.Controls;

[Collection(CosmosCollection.Name)]
public sealed class VelocityTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task ConcurrentRedemptionsIntoOneAccount_TheFifthCodeOnwardWithinTheHourIsHeld()
    {
        using var app = new GiftingFactory(cosmos);
        var shopper = app.ClientFor(Api.NewId("shopper"), "customer");
        var codes = (await app.ClientFor("issuer-1", "issuer").IssueAsync(count: 10, amount: 10_00))
            .Select(c => c.GetProperty("code").GetString()!).ToList();

        var statuses = await Task.WhenAll(codes.Select(async code =>
        {
            using var response = await shopper.RedeemAsync(code);
            return (int)response.StatusCode;
        }));

        Assert.Equal(4, statuses.Count(s => s == 200));
        Assert.Equal(6, statuses.Count(s => s == 202));
        Assert.Equal(40_00, await shopper.GiftBalanceAsync());
    }

    [Fact]
    public async Task DailyValue_AtTheLimitRedeemsAndAboveItIsHeld()
    {
        using var app = new GiftingFactory(cosmos);
        var shopper = app.ClientFor(Api.NewId("shopper"), "customer");
        var issuer = app.ClientFor("issuer-1", "issuer");
        var big = (await issuer.IssueAsync(amount: 1_999_99))[0].GetProperty("code").GetString()!;
        var small = (await issuer.IssueAsync(count: 2, amount: 1))
            .Select(c => c.GetProperty("code").GetString()!).ToList();

        Assert.Equal(200, (int)(await shopper.RedeemAsync(big)).StatusCode);
        Assert.Equal(200, (int)(await shopper.RedeemAsync(small[0])).StatusCode);
        Assert.Equal(202, (int)(await shopper.RedeemAsync(small[1])).StatusCode);
    }

    [Fact]
    public async Task VelocitySettingsOutOfRange_StopTheApp()
    {
        using var app = new GiftingFactory(cosmos,
            settings: new Dictionary<string, string> { ["Redemption:Velocity:CodesPerHour"] = "0" });

        var refusal = await app.RefusalToStartAsync<Microsoft.Extensions.Options.OptionsValidationException>();

        Assert.Contains("CodesPerHour", refusal.Message, StringComparison.Ordinal);
    }
}
