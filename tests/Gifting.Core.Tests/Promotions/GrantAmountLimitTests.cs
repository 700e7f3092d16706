using Gifting.Testing;

namespace Gifting.Core.Tests.Promotions;

/// <summary>A grant cannot make a balance larger than the ledger can add up.</summary>
public sealed class GrantAmountLimitTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task Grant_OfAnAmountNoBalanceCanHold_IsRefusedAndTheBalanceStillAddsUp()
    {
        var core = TestCore.Create();
        const long half = (long.MaxValue / 2) + 1;

        var grants = new[]
        {
            await core.GrantAsync(Alice, "g1", half, TimeSpan.FromDays(10)),
            await core.GrantAsync(Alice, "g2", half, TimeSpan.FromDays(10)),
        };

        Assert.All(grants, g => Assert.True(g.Succeeded || g.Failure?.Code == ErrorCode.ValidationFailed));
        var balance = await core.BalanceAsync(Alice);
        Assert.True(balance.Available.Amount >= 0);
        var debit = await core.DebitAsync(Alice, 1_00, "d1");
        Assert.True(debit.Succeeded || debit.Failure?.Code == ErrorCode.InsufficientFunds);
    }
}
