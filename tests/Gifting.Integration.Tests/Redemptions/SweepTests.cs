using Gifting.Core.Cards;
using Gifting.Testing;

namespace Gifting.Integration.Tests.Redemptions;

/// <summary>
/// A shopper's redemption dies right after its claim and the shopper never comes back: the sweeper timer, invoked as
/// the Functions host invokes it, finds the claim in its index and credits it once.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class SweepTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task Sweep_WhenClaimantNeverRetries_CompletesTheRedemptionOnce()
    {
        using var app = new GiftingFactory(cosmos,
            services => services.Decorate<ICardStore>(
                inner => new CrashingCardStore(inner, c => c.Status == CardStatus.Redeeming)),
            settings: new Dictionary<string, string> { ["Redemption:SweepAfter"] = "00:00:00" });
        var card = (await app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 4321))[0];
        var serial = card.GetProperty("serial").GetString()!;
        var shopper = app.ClientFor(Api.NewId("shopper"), "customer");
        var handler = app.CreateClient();

        await (await shopper.RedeemAsync(card.GetProperty("code").GetString()!))
            .AssertProblemAsync(500, "internal_error");
        Assert.Equal(0, await shopper.GiftBalanceAsync());
        using var swept = await handler.InvokeAsync("SweepRedemptions", HostPayloads.Timer("timer"));
        using var again = await handler.InvokeAsync("SweepRedemptions", HostPayloads.Timer("timer"));

        Assert.Equal(200, (int)swept.StatusCode);
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Contains("Logs", await swept.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(4321, await shopper.GiftBalanceAsync());
        var activity = await (await shopper.GetAsync("/api/balance/activity")).JsonAsync();
        Assert.Single(activity.GetProperty("items").EnumerateArray());
        var stored = await app.Services.GetRequiredService<ICardStore>()
            .FindBySerialAsync(serial, CancellationToken.None);
        Assert.Equal(CardStatus.Redeemed, stored?.Card.Status);
    }
}
