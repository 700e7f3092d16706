using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Core.Links;
using Gifting.Core.Orders;
using Gifting.Core.Redemptions;
using Gifting.Core.Tests.Orders;
using Gifting.Testing;

namespace Gifting.Core.Tests.Links;

/// <summary>
/// A line's one-click link redeems its card once, as its code would, and is refused with the code's answers once it
/// is used, expired, altered or unknown.
/// </summary>
public sealed class LinkRedemptionTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");

    [Fact]
    public async Task Issue_GivesEveryLineASealedLinkThatOpensToATokenAndAnIndexEntry()
    {
        var core = OrderChecks.Builder().Build();
        var orderId = await IssueAsync(core);

        var lines = OrderChecks.LinesOf(core, orderId);
        Assert.Equal(6, core.Links.Entries.Count);
        foreach (var line in lines)
        {
            var token = core.LinkTokens.Open(line);
            Assert.Equal(22, token.Length);
            Assert.True(LinkToken.IsWellFormed(token));
            Assert.NotEqual(OrderChecks.CodeOf(core, line).Normalized, token);
            var entry = Assert.Single(core.Links.Entries, e => e.Line.Index == line.Index);
            Assert.Equal(core.Hasher.Hash(CodePurpose.LinkToken, token), entry.Hash);
            Assert.Equal((line.CodeHash, orderId), (entry.CodeHash, entry.Line.OrderId));
            Assert.Equal(line.IssuedAt!.Value.AddDays(90), entry.ExpiresAt);
            Assert.Equal(entry.ExpiresAt, line.LinkExpiresAt);
        }
        Assert.Equal(6, lines.Select(core.LinkTokens.Open).Distinct().Count());
    }

    [Fact]
    public async Task RedeemByLink_CreditsOnceAndCountsOneRedeemedLine()
    {
        var core = OrderChecks.Builder().Build();
        var orderId = await IssueAsync(core);
        var line = OrderChecks.LinesOf(core, orderId)[0];

        var redeemed = await core.RedeemLinkAsync(Alice, core.LinkTokens.Open(line));

        Assert.True(redeemed.Succeeded, redeemed.Failure?.Detail);
        Assert.Equal(25_00, redeemed.Value.Balance!.Gift.Amount);
        Assert.Equal(25_00, (await core.BalanceAsync(Alice)).Gift.Amount);
        var after = OrderChecks.LinesOf(core, orderId)[0];
        Assert.Equal((LineStatus.Redeemed, null, null), (after.Status, after.SealedCode, after.SealedLink));
        Assert.Equal(1, (await core.OrderAsync(Acme, orderId)).Counts.Redeemed);
        Assert.Equal(CardStatus.Redeemed, (await core.CardAsync(line.Serial!)).Status);
    }

    [Fact]
    public async Task RedeemByLink_UsedAgainBySameShopper_AnswersAlreadyRedeemedWithoutASecondCredit()
    {
        var core = OrderChecks.Builder().Build();
        var line = OrderChecks.LinesOf(core, await IssueAsync(core))[0];
        var token = core.LinkTokens.Open(line);
        Assert.True((await core.RedeemLinkAsync(Alice, token)).Succeeded);

        var again = await core.RedeemLinkAsync(Alice, token);

        Assert.Equal(ErrorCode.AlreadyRedeemed, again.Failure?.Code);
        Assert.NotNull(again.Failure!.RedeemedByCaller);
        Assert.Equal(25_00, (await core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task RedeemByLink_ByAnotherShopperAfterwards_AnswersAlreadyRedeemed()
    {
        var core = OrderChecks.Builder().Build();
        var orderId = await IssueAsync(core);
        var line = OrderChecks.LinesOf(core, orderId)[0];
        var token = core.LinkTokens.Open(line);
        Assert.True((await core.RedeemLinkAsync(Alice, token)).Succeeded);

        var other = await core.RedeemLinkAsync(Bob, token);

        Assert.Equal(ErrorCode.AlreadyRedeemed, other.Failure?.Code);
        Assert.Null(other.Failure!.RedeemedByCaller);
        Assert.Equal(0, (await core.BalanceAsync(Bob)).Gift.Amount);
        Assert.Equal(1, (await core.OrderAsync(Acme, orderId)).Counts.Redeemed);
    }

    [Fact]
    public async Task RedeemByLink_AfterItsLifetime_AnswersInvalidCode_WhileTheCodeStillRedeems()
    {
        var core = OrderChecks.Builder().WithLinkLimits(new LinkLimits(TimeSpan.FromDays(2))).Build();
        var line = OrderChecks.LinesOf(core, await IssueAsync(core))[0];
        var token = core.LinkTokens.Open(line);
        core.Clock.Advance(TimeSpan.FromDays(2));

        var expired = await core.RedeemLinkAsync(Alice, token);

        Assert.Equal(ErrorCode.InvalidCode, expired.Failure?.Code);
        Assert.Equal(LinkedCards.Expired, expired.Failure!.Detail);
        Assert.DoesNotContain(token, expired.Failure.Detail, StringComparison.Ordinal);
        Assert.True((await core.RedeemAsync(Alice, OrderChecks.CodeOf(core, line).Display)).Succeeded);
    }

    [Fact]
    public async Task RedeemByLink_WithOneCharacterChanged_AnswersInvalidCodeAndCostsAnAttempt()
    {
        var core = OrderChecks.Builder().WithLimits(ThrottleLimits.Default with { PerAccount = 1 }).Build();
        var line = OrderChecks.LinesOf(core, await IssueAsync(core))[0];
        var token = core.LinkTokens.Open(line);
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        var refused = await core.RedeemLinkAsync(Alice, tampered);

        Assert.Equal((ErrorCode.InvalidCode, RedeemCode.NoSuchCode), (refused.Failure?.Code, refused.Failure?.Detail));
        Assert.Equal(ErrorCode.TooManyAttempts, (await core.RedeemLinkAsync(Alice, token)).Failure?.Code);
        Assert.Equal(CardStatus.Active, (await core.CardAsync(line.Serial!)).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task RedeemByLink_NotShapedAsAToken_AnswersInvalidCodeWithoutCostingAnAttempt(string token)
    {
        var core = OrderChecks.Builder().WithLimits(ThrottleLimits.Default with { PerAccount = 1 }).Build();

        var refused = await core.RedeemLinkAsync(Alice, token);

        Assert.Equal((ErrorCode.InvalidCode, RedeemCode.NoSuchCode), (refused.Failure?.Code, refused.Failure?.Detail));
        Assert.Null(await core.Throttle.RetryAfterAsync(Alice, null, CancellationToken.None));
    }

    [Fact]
    public async Task RedeemByLink_OfAnotherMarketplacesBalance_AnswersRegionMismatch()
    {
        var core = OrderChecks.Builder().Build();
        var line = OrderChecks.LinesOf(core, await IssueAsync(core))[0];

        var refused = await core.RedeemLinkAsync(Alice, core.LinkTokens.Open(line), tokenMarketplace: "DE");

        Assert.Equal(ErrorCode.RegionMismatch, refused.Failure?.Code);
        Assert.Equal(CardStatus.Active, (await core.CardAsync(line.Serial!)).Status);
    }

    [Fact]
    public async Task RedeemByLink_OfACancelledOrdersLine_AnswersInvalidCode_AndTheLinkIsErased()
    {
        var core = OrderChecks.Builder().Build();
        var orderId = await IssueAsync(core);
        var token = core.LinkTokens.Open(OrderChecks.LinesOf(core, orderId)[0]);
        Assert.True((await core.CancelOrder.ExecuteAsync(
            new CancelOrderCommand(Acme, orderId, "buyer-1"), CancellationToken.None)).Succeeded);
        await core.DeliverChunksAsync();

        var refused = await core.RedeemLinkAsync(Alice, token);

        Assert.Equal(ErrorCode.InvalidCode, refused.Failure?.Code);
        Assert.All(OrderChecks.LinesOf(core, orderId), l => Assert.Null(l.SealedLink));
    }

    [Fact]
    public async Task Issue_CrashedBetweenTheCardAndItsLinkEntry_IsFinishedByRedelivery_AndTheLinkWorks()
    {
        CrashingLinkIndex? links = null;
        var core = OrderChecks.Builder().WithLinkIndex(s => links = new CrashingLinkIndex(s)).Build();
        await core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        var orderId = (await core.PlaceAsync(Acme, "key-1", TestCore.Lines(6))).Value.OrderId;

        Assert.Equal(1, await OrderChecks.DeliverThroughCrashesAsync(core));

        Assert.True(links!.Crashed);
        await OrderChecks.AssertIssuedOnceAsync(core, Acme, orderId, 6);
        Assert.Equal(6, core.Links.Entries.Count);
        var first = OrderChecks.LinesOf(core, orderId)[0];
        Assert.True((await core.RedeemLinkAsync(Alice, core.LinkTokens.Open(first))).Succeeded);
        Assert.Equal(1, (await core.OrderAsync(Acme, orderId)).Counts.Redeemed);
    }

    /// <summary>An issued order of six lines of 25.00 (two chunks); its id.</summary>
    private static async Task<string> IssueAsync(TestCore core)
    {
        await core.AddFundingAsync(Acme, 1_000_00, "fund-1");
        var placed = await core.PlaceAsync(Acme, "key-1", TestCore.Lines(6));
        await core.DeliverChunksAsync();
        return placed.Value.OrderId;
    }
}
