using Gifting.Core.Orders;

namespace Gifting.Core.Tests.Orders;

public sealed class OrderRulesTests
{
    private static readonly Marketplace Us = Marketplace.Parse("US");
    private static readonly OrderRules Rules = new(new OrderLimits(MaxLineAmount: 500_00, 2_000_00, 10_000));

    [Fact]
    public void Check_OfGoodLines_PassesWithTheirTotal()
    {
        var check = Rules.Check(Us, [Usd(1, 25_00), Usd(2, 500_00), Usd(3, 1)]);

        Assert.True(check.Passed);
        Assert.Equal(new Money(525_01, "USD"), check.Total);
    }

    [Fact]
    public void Check_ListsEveryBadLineByItsNumber()
    {
        var check = Rules.Check(Us,
            [Usd(2, 0), Usd(3, 10_00), Usd(4, -5_00), Usd(5, 500_01), new LineAmount(7, new Money(10_00, "EUR"))]);

        Assert.False(check.Passed);
        Assert.Equal([2, 4, 5, 7], check.Failures.Select(f => f.Line));
        Assert.Equal("A line's amount must be positive.", check.Failures[0].Message);
        Assert.Equal("A line's amount may be at most 50000 minor units.", check.Failures[2].Message);
        Assert.Equal("A line must be in USD, the currency of marketplace US.", check.Failures[3].Message);
        Assert.Null(check.TotalFailure);
    }

    [Fact]
    public void Check_OfATotalOverTheOrderLimit_FailsTheOrder()
    {
        var check = Rules.Check(Us, Enumerable.Range(1, 5).Select(i => Usd(i, 400_00)).Append(Usd(6, 1)));

        Assert.False(check.Passed);
        Assert.Empty(check.Failures);
        Assert.Equal("An order's total may be at most 200000 minor units of USD.", check.TotalFailure);
    }

    [Fact]
    public void Check_OfATotalExactlyAtTheOrderLimit_Passes()
    {
        Assert.True(Rules.Check(Us, Enumerable.Range(1, 5).Select(i => Usd(i, 400_00))).Passed);
    }

    [Fact]
    public void Check_OfAmountsThatWouldOverflowALong_FailsWithoutOverflowing()
    {
        var generous = new OrderRules(new OrderLimits(long.MaxValue, long.MaxValue - 1, 10_000));

        var check = generous.Check(Us, [Usd(1, long.MaxValue), Usd(2, long.MaxValue), Usd(3, 1)]);

        Assert.NotNull(check.TotalFailure);
        Assert.Equal(long.MaxValue, check.Total.Amount);
    }

    [Fact]
    public void Check_InJapan_TakesYenAndRefusesDollars()
    {
        var japan = Marketplace.Parse("JP");

        var check = Rules.Check(japan,
            [new LineAmount(1, new Money(3_000, "JPY")), new LineAmount(2, new Money(30_00, "USD"))]);

        Assert.Equal(new Money(3_000, "JPY"), check.Total);
        Assert.Equal([2], check.Failures.Select(f => f.Line));
    }

    private static LineAmount Usd(int line, long amount) => new(line, new Money(amount, "USD"));
}
