using Gifting.Core.Balances;
using Gifting.Core.Debits;
using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Debits;

public sealed class DebitAccountTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    private readonly TestCore _core = TestCore.Create();

    [Fact]
    public async Task Debit_SpendsPromotionalSoonestExpiringFirst_ThenGift()
    {
        await _core.FundAsync(Alice, 50_00);
        await _core.GrantAsync(Alice, "late", 10_00, TimeSpan.FromDays(30));
        await _core.GrantAsync(Alice, "soon", 5_00, TimeSpan.FromDays(2));

        var first = (await _core.DebitAsync(Alice, 8_00, "d1")).Value;

        Assert.Equal((8_00L, 8_00L, 0L), (first.Applied.Amount, first.FromPromotional.Amount, first.FromGift.Amount));
        var lots = _core.Ledger.Entries(Alice)[^1].After.Lots;
        // "soon" is used up and gone; "late" gave the other 3.00.
        Assert.Equal(("late", 7_00L), (Assert.Single(lots).LotId, lots[0].Amount));

        var second = (await _core.DebitAsync(Alice, 20_00, "d2")).Value;

        Assert.Equal((7_00L, 13_00L), (second.FromPromotional.Amount, second.FromGift.Amount));
        Assert.Equal((37_00L, 0L), (second.Balance.Gift.Amount, second.Balance.Promotional.Amount));
    }

    [Fact]
    public async Task Debit_WhenLotsExpireTogether_SpendsInLotIdOrder()
    {
        await _core.GrantAsync(Alice, "b", 5_00, TimeSpan.FromDays(1));
        await _core.GrantAsync(Alice, "a", 5_00, TimeSpan.FromDays(1));

        await _core.DebitAsync(Alice, 3_00, "d1");

        var lots = _core.Ledger.Entries(Alice)[^1].After.Lots.OrderBy(l => l.LotId, StringComparer.Ordinal).ToList();
        Assert.Equal([("a", 2_00L), ("b", 5_00L)], lots.Select(l => (l.LotId, l.Amount)));
    }

    [Fact]
    public async Task Debit_RecordsOnlyTheLotsItTookFrom()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.GrantAsync(Alice, "soon", 5_00, TimeSpan.FromDays(1));
        await _core.GrantAsync(Alice, "late", 5_00, TimeSpan.FromDays(2));

        await _core.DebitAsync(Alice, 3_00, "d1");

        var allocation = _core.Ledger.Entries(Alice)[^1].Allocation!;
        Assert.Equal([("soon", 3_00L)], allocation.Lots.Select(l => (l.LotId, l.Amount)));
        Assert.Equal((0L, 0), (allocation.Gift, allocation.Forfeited.Length));
    }

    [Fact]
    public async Task Debit_WhenLotIsAtOrPastExpiry_DoesNotSpendIt()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromHours(1));
        _core.Clock.Advance(TimeSpan.FromHours(1));

        var debit = (await _core.DebitAsync(Alice, 4_00, "d1")).Value;

        Assert.Equal((0L, 4_00L), (debit.FromPromotional.Amount, debit.FromGift.Amount));
    }

    [Fact]
    public async Task Debit_WhenNotEnoughAndPartialNotAllowed_ReturnsInsufficientFundsAndPostsNothing()
    {
        await _core.FundAsync(Alice, 10_00);

        var result = await _core.DebitAsync(Alice, 10_01, "d1");

        Assert.Equal(ErrorCode.InsufficientFunds, result.Failure?.Code);
        Assert.Single(_core.Ledger.Entries(Alice));
    }

    [Fact]
    public async Task Debit_WhenNotEnoughAndPartialAllowed_AppliesWhatIsAvailable()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.GrantAsync(Alice, "promo", 2_50, TimeSpan.FromDays(1));

        var debit = (await _core.DebitAsync(Alice, 50_00, "d1", allowPartial: true)).Value;

        Assert.Equal(
            (12_50L, 2_50L, 10_00L), (debit.Applied.Amount, debit.FromPromotional.Amount, debit.FromGift.Amount));
        Assert.Equal(0, debit.Balance.Available.Amount);
        var entry = _core.Ledger.Entries(Alice)[^1];
        Assert.Equal((EntryType.Debit, -12_50L, "order:order-1"), (entry.Type, entry.Amount.Amount, entry.Reference));
    }

    [Fact]
    public async Task Debit_WhenNothingAvailableAndPartialAllowed_ReturnsInsufficientFunds()
    {
        await _core.FundAsync(Alice, 10_00);
        await _core.DebitAsync(Alice, 10_00, "d1");

        var result = await _core.DebitAsync(Alice, 1_00, "d2", allowPartial: true);

        Assert.Equal(ErrorCode.InsufficientFunds, result.Failure?.Code);
    }

    [Fact]
    public async Task Debit_WhenAccountHasNoEntries_ReturnsInsufficientFunds()
    {
        var result = await _core.DebitAsync(Alice, 1_00, "d1", allowPartial: true);

        Assert.Equal(ErrorCode.InsufficientFunds, result.Failure?.Code);
        Assert.Empty(_core.Ledger.Entries(Alice));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1_00)]
    public async Task Debit_WhenAmountNotPositive_ReturnsValidationFailed(long amount)
    {
        await _core.FundAsync(Alice, 10_00);

        Assert.Equal(ErrorCode.ValidationFailed, (await _core.DebitAsync(Alice, amount, "d1")).Failure?.Code);
    }

    [Fact]
    public async Task Debit_WhenCurrencyIsNotTheAccounts_ReturnsCurrencyMismatch()
    {
        await _core.FundAsync(Alice, 10_00);

        var result = await _core.DebitAsync(Alice, 1_00, "d1", currency: "EUR");

        Assert.Equal(ErrorCode.CurrencyMismatch, result.Failure?.Code);
        Assert.Single(_core.Ledger.Entries(Alice));
    }

    [Theory]
    [InlineData(DebitKind.Order, false, true)]
    [InlineData(DebitKind.Subscription, true, false)]
    public async Task Debit_WhenPreferencesExcludeGiftForThisKind_SpendsOnlyPromotional(
        DebitKind kind, bool orders, bool subscriptions)
    {
        await _core.FundAsync(Alice, 50_00);
        await _core.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(1));
        await _core.SetPreferences.ExecuteAsync(Alice, new Preferences(orders, subscriptions), CancellationToken.None);

        var whole = await _core.DebitAsync(Alice, 10_00, "d1", kind: kind);
        var partial = (await _core.DebitAsync(Alice, 10_00, "d2", allowPartial: true, kind: kind)).Value;
        var none = await _core.DebitAsync(Alice, 1_00, "d3", allowPartial: true, kind: kind);

        Assert.Equal(ErrorCode.InsufficientFunds, whole.Failure?.Code);
        Assert.Equal(
            (5_00L, 5_00L, 0L), (partial.Applied.Amount, partial.FromPromotional.Amount, partial.FromGift.Amount));
        Assert.Equal(ErrorCode.InsufficientFunds, none.Failure?.Code);
        Assert.Equal(50_00, (await _core.BalanceAsync(Alice)).Gift.Amount);
    }

    [Fact]
    public async Task Debit_WhenPreferencesExcludeTheOtherKind_StillSpendsGift()
    {
        await _core.FundAsync(Alice, 50_00);
        await _core.SetPreferences.ExecuteAsync(
            Alice, new Preferences(ApplyToOrders: true, ApplyToSubscriptions: false), CancellationToken.None);

        var debit = (await _core.DebitAsync(Alice, 10_00, "d1", kind: DebitKind.Order)).Value;

        Assert.Equal(10_00, debit.FromGift.Amount);
    }

    [Fact]
    public async Task Debit_WhenReplayed_ReturnsTheOriginalNumbersAndPostsOnce()
    {
        await _core.FundAsync(Alice, 20_00);
        await _core.GrantAsync(Alice, "promo", 3_00, TimeSpan.FromDays(1));
        var first = (await _core.DebitAsync(Alice, 15_00, "d1")).Value;
        await _core.FundAsync(Alice, 7_00);

        var again = (await _core.DebitAsync(Alice, 15_00, "d1")).Value;
        // Even when the balance can no longer cover it, the replay finds the first debit.
        await _core.DebitAsync(Alice, 15_00, "d2");
        var late = (await _core.DebitAsync(Alice, 15_00, "d1")).Value;

        Assert.Equal(Numbers(first), Numbers(again));
        Assert.Equal(Numbers(first), Numbers(late));
        Assert.Equal(
            (15_00L, 3_00L, 12_00L), (first.Applied.Amount, first.FromPromotional.Amount, first.FromGift.Amount));
        Assert.Equal(2, _core.Ledger.Entries(Alice).Count(e => e.Type == EntryType.Debit));
    }

    /// <summary>
    /// A debit's answer as plain values (its balance holds a list, which records compare by reference).
    /// </summary>
    internal static (long, Money, Money, Money, Money, Money, Money) Numbers(DebitResult r) =>
        (r.Seq, r.Applied, r.FromPromotional, r.FromGift, r.Balance.Available, r.Balance.Gift, r.Balance.Promotional);
}
