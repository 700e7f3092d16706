using Gifting.Core.Cards;
using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Integration.Tests.Redemptions;

/// <summary>
/// The process "dies" right after a write reached Cosmos DB (the store throws after the write), the request fails,
/// and the client retries: the balance is credited exactly once and the card ends redeemed. A retry that finds its own
/// redemption already finished (the crash came after the finalise) is told so: 409 with <c>redeemedByYou</c>.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class CrashRecoveryTests(CosmosFixture cosmos)
{
    public static TheoryData<string> Boundaries => ["after-claim", "after-credit", "after-finalise"];

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task Redeem_WhenProcessDiesAtWriteBoundary_RetryCreditsExactlyOnce(string boundary)
    {
        using var app = new GiftingFactory(cosmos, services => InjectCrash(services, boundary));
        var card = (await app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 1234))[0];
        var shopper = app.ClientFor(Api.NewId("shopper"), "customer");
        var key = Api.NewId("redeem");

        using var crashed = await shopper.RedeemAsync(card.GetProperty("code").GetString()!, key);
        using var retried = await shopper.RedeemAsync(card.GetProperty("code").GetString()!, key);

        await crashed.AssertProblemAsync(500, "internal_error");
        if (boundary == "after-finalise")
            Assert.True((await retried.AssertProblemAsync(409, "already_redeemed")).GetProperty("redeemedByYou")
                .GetBoolean());
        else
            Assert.Equal(200, (int)retried.StatusCode);
        Assert.Equal(1234, await shopper.GiftBalanceAsync());
        var activity = await (await shopper.GetAsync("/api/balance/activity")).JsonAsync();
        Assert.Single(activity.GetProperty("items").EnumerateArray());
        var view = await (await app.ClientFor("support-1", "support")
            .GetAsync($"/api/cards/{card.GetProperty("serial").GetString()}")).JsonAsync();
        Assert.Equal("redeemed", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Redeem_WhenClaimantDiesAndAnotherAccountTries_ClaimantIsCreditedOnce()
    {
        using var app = new GiftingFactory(cosmos, services => InjectCrash(services, "after-claim"));
        var code = (await app.ClientFor("issuer-1", "issuer").IssueAsync(amount: 700))[0]
            .GetProperty("code").GetString()!;
        var alice = app.ClientFor(Api.NewId("alice"), "customer");
        var bob = app.ClientFor(Api.NewId("bob"), "customer");

        await (await alice.RedeemAsync(code)).AssertProblemAsync(500, "internal_error");
        await (await bob.RedeemAsync(code)).AssertProblemAsync(409, "already_redeemed");

        Assert.Equal(700, await alice.GiftBalanceAsync());
        Assert.Equal(0, await bob.GiftBalanceAsync());
        var mine = await (await alice.RedeemAsync(code)).AssertProblemAsync(409, "already_redeemed");
        Assert.True(mine.GetProperty("redeemedByYou").GetBoolean());
        Assert.Equal(700, await alice.GiftBalanceAsync());
    }

    private static void InjectCrash(IServiceCollection services, string boundary)
    {
        switch (boundary)
        {
            case "after-claim":
                services.Decorate<ICardStore>(
                    inner => new CrashingCardStore(inner, card => card.Status == CardStatus.Redeeming));
                break;
            case "after-credit":
                services.Decorate<ILedgerStore>(inner => new CrashingLedgerStore(inner));
                break;
            case "after-finalise":
                services.Decorate<ICardStore>(
                    inner => new CrashingCardStore(inner, card => card.Status == CardStatus.Redeemed));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(boundary), boundary, null);
        }
    }
}
