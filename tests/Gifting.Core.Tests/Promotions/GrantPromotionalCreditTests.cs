using Gifting.Core.Ledger;
using Gifting.Core.Promotions;
using Gifting.Testing;

namespace Gifting.Core.Tests.Promotions;

public sealed class GrantPromotionalCreditTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Grant_AddsALotAndIndexesItsExpiry()
    {
        var grant = (await _core.GrantAsync(Alice, "spring", 5_00, TimeSpan.FromDays(7))).Value;

        var lot = Assert.Single(_core.Ledger.Entries(Alice)[^1].After.Lots);
        Assert.Equal(new PromoLot("spring", 5_00, grant.ExpiresAt, "test promotion"), lot);
        Assert.Equal((5_00L, 0L), (grant.Balance.Promotional.Amount, grant.Balance.Gift.Amount));
        Assert.Equal(new ExpiringLot(Alice, "spring", grant.ExpiresAt), Assert.Single(_core.ExpiryIndex.Entries));
        Assert.Equal("promo:spring", _core.Ledger.Entries(Alice)[^1].Reference);
    }

    [Fact]
    public async Task Grant_WhenRepeated_GrantsOnceAndAnswersTheFirstLot()
    {
        var first = (await _core.GrantAsync(Alice, "spring", 5_00, TimeSpan.FromDays(7))).Value;

        var again = (await _core.GrantAsync(Alice, "spring", 9_00, TimeSpan.FromDays(9))).Value;

        Assert.Equal((5_00L, first.ExpiresAt, true), (again.Amount.Amount, again.ExpiresAt, again.AlreadyGranted));
        Assert.Single(_core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Grant_WhenRepeatedWithAnotherExpiry_TheLotStillExpiresWhenFirstGranted()
    {
        await _core.GrantAsync(Alice, "spring", 5_00, TimeSpan.FromDays(7));
        await _core.GrantAsync(Alice, "spring", 5_00, TimeSpan.FromDays(1));

        _core.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await _core.ExpireAsync()).Expired);
        Assert.Equal(5_00, (await _core.BalanceAsync(Alice)).Promotional.Amount);

        _core.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(1, (await _core.ExpireAsync()).Expired);
        Assert.Equal(0, (await _core.BalanceAsync(Alice)).Promotional.Amount);
    }

    [Fact]
    public async Task Grant_WhenExpiryIsNotAtLeastTheMinimumLeadAway_ReturnsValidationFailed()
    {
        var lead = PromotionLimits.Default.MinimumLead;
        Assert.Equal(ErrorCode.ValidationFailed,
            (await _core.GrantAsync(Alice, "g", 5_00, TimeSpan.Zero)).Failure?.Code);
        Assert.Equal(ErrorCode.ValidationFailed,
            (await _core.GrantAsync(Alice, "g", 5_00, TimeSpan.FromDays(-1))).Failure?.Code);
        Assert.Equal(ErrorCode.ValidationFailed, (await _core.GrantAsync(Alice, "g", 5_00, lead)).Failure?.Code);
        Assert.Empty(_core.Ledger.Entries(Alice));
        Assert.Empty(_core.ExpiryIndex.Entries);

        Assert.True((await _core.GrantAsync(Alice, "g", 5_00, lead + TimeSpan.FromSeconds(1))).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Grant_WhenAmountNotPositive_ReturnsValidationFailed(long amount)
    {
        Assert.Equal(ErrorCode.ValidationFailed,
            (await _core.GrantAsync(Alice, "g", amount, TimeSpan.FromDays(1))).Failure?.Code);
    }

    [Fact]
    public async Task Grant_WhenCurrencyIsNotTheMarketplaces_ReturnsCurrencyMismatch()
    {
        var result = await _core.GrantAsync(Alice, "g", 5_00, TimeSpan.FromDays(1), marketplace: "US", currency: "EUR");

        Assert.Equal(ErrorCode.CurrencyMismatch, result.Failure?.Code);
        Assert.Empty(_core.ExpiryIndex.Entries);
    }

    [Fact]
    public async Task Grant_WhenAccountIsInAnotherCurrency_ReturnsCurrencyMismatch()
    {
        await _core.FundAsync(Alice, 5_00, marketplace: "GB");

        var result = await _core.GrantAsync(Alice, "g", 5_00, TimeSpan.FromDays(1), marketplace: "US");

        Assert.Equal(ErrorCode.CurrencyMismatch, result.Failure?.Code);
    }

    [Fact]
    public async Task Grant_WhenAccountIsInAnotherMarketplaceOfTheSameCurrency_GoesToTheAccountsMarketplace()
    {
        await _core.FundAsync(Alice, 5_00, marketplace: "FR");

        var grant = (await _core.GrantAsync(Alice, "g", 5_00, TimeSpan.FromDays(1), marketplace: "DE")).Value;

        Assert.Equal(("FR", 10_00L), (grant.Balance.Marketplace.Code, grant.Balance.Available.Amount));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Grant_WhenCrashingAfterEitherWrite_RetryGrantsExactlyOnce(bool crashAfterIndexing)
    {
        var setup = TestCore.Create();
        var builder = new CoreBuilder()
            .WithClock(setup.Clock)
            .WithStores(setup.Cards, setup.Ledger)
            .WithExpiryIndex(setup.ExpiryIndex);
        var crashing = (crashAfterIndexing
            ? builder.WithExpiryIndex(s => new CrashingExpiryIndex(s, crashAfterAdd: true))
            : builder.WithLedgerStore(s => new CrashingLedgerStore(s))).Build();

        await Assert.ThrowsAsync<SimulatedCrashException>(
            () => crashing.GrantAsync(Alice, "g", 5_00, TimeSpan.FromDays(1)));
        Assert.Single(setup.ExpiryIndex.Entries);
        Assert.Equal(crashAfterIndexing ? 0 : 1, setup.Ledger.Entries(Alice).Count);
        var retry = await crashing.GrantAsync(Alice, "g", 5_00, TimeSpan.FromDays(1));

        Assert.Equal(5_00, retry.Value.Balance.Promotional.Amount);
        Assert.Single(setup.Ledger.Entries(Alice));
        Assert.Single(setup.ExpiryIndex.Entries);
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(5_00, (await setup.ExpireAsync()).ExpiredMinorUnits);
    }

    [Fact]
    public async Task Grant_WhenCrashedAfterIndexingAndNeverRetried_ExpiryJustDropsTheEntry()
    {
        var setup = TestCore.Create();
        var crashing = new CoreBuilder()
            .WithClock(setup.Clock)
            .WithStores(setup.Cards, setup.Ledger)
            .WithExpiryIndex(setup.ExpiryIndex)
            .WithExpiryIndex(s => new CrashingExpiryIndex(s, crashAfterAdd: true))
            .Build();
        await setup.FundAsync(Alice, 5_00);
        await Assert.ThrowsAsync<SimulatedCrashException>(
            () => crashing.GrantAsync(Alice, "g", 5_00, TimeSpan.FromDays(1)));

        setup.Clock.Advance(TimeSpan.FromDays(2));
        var run = await setup.ExpireAsync();

        Assert.Equal((1, 0), (run.Due, run.Expired));
        Assert.Empty(setup.ExpiryIndex.Entries);
        Assert.DoesNotContain(setup.Ledger.Entries(Alice), e => e.Type == EntryType.PromoExpiry);
    }

    [Fact]
    public async Task Grant_OfExactlyTheMaximum_IsPosted()
    {
        var max = PromotionLimits.Default.MaxGrant;

        var grant = (await _core.GrantAsync(Alice, "g", max, TimeSpan.FromDays(1))).Value;

        Assert.Equal(max, grant.Balance.Promotional.Amount);
    }

    [Fact]
    public async Task Grant_OfOneOverTheMaximum_IsRefusedAndIndexesNothing()
    {
        var result = await _core.GrantAsync(Alice, "g", PromotionLimits.Default.MaxGrant + 1, TimeSpan.FromDays(1));

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Empty(_core.ExpiryIndex.Entries);
    }

    [Fact]
    public async Task Grant_ExpiringExactlyAtTheMaximumHorizon_IsPosted()
    {
        var horizon = PromotionLimits.Default.MaxHorizon;

        var grant = (await _core.GrantAsync(Alice, "g", 5_00, horizon)).Value;

        Assert.Equal(_core.Clock.GetUtcNow() + horizon, grant.ExpiresAt);
    }

    [Fact]
    public async Task Grant_ExpiringJustPastTheMaximumHorizon_IsRefusedAndIndexesNothing()
    {
        var horizon = PromotionLimits.Default.MaxHorizon + TimeSpan.FromTicks(1);

        var result = await _core.GrantAsync(Alice, "g", 5_00, horizon);

        Assert.Equal(ErrorCode.ValidationFailed, result.Failure?.Code);
        Assert.Empty(_core.ExpiryIndex.Entries);
    }

    [Fact]
    public async Task Grant_ExpiringInFourYears_IsPosted()
    {
        var result = await _core.GrantAsync(Alice, "g", 5_00, TimeSpan.FromDays(4 * 366));

        Assert.True(result.Succeeded);
    }
}
