using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Refunds;

/// <summary>A refund id is applied once across all accounts: the first account to claim it keeps it.</summary>
public sealed class RefundOnceAcrossAccountsTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");
    private static readonly AccountId Bob = TestCore.Account("bob");

    [Fact]
    public async Task Refund_SentWithTwoAccountIds_CreditsOnlyTheFirst()
    {
        var core = TestCore.Create();
        await PayOrderAsync(core, Alice);
        await PayOrderAsync(core, Bob);

        var first = await core.RefundAsync("r1", Alice, 5_00);
        var other = await core.RefundAsync("r1", Bob, 5_00);
        var redelivered = await core.RefundAsync("r1", Alice, 5_00);

        Assert.True(first.Succeeded);
        Assert.Equal(ErrorCode.NotRefundable, other.Failure?.Code);
        Assert.True(redelivered.Value.AlreadyCredited);
        Assert.Equal((20_00L, 15_00L),
            ((await core.BalanceAsync(Alice)).Gift.Amount, (await core.BalanceAsync(Bob)).Gift.Amount));
        Assert.DoesNotContain(core.Ledger.Entries(Bob), e => e.Type == EntryType.Refund);
    }

    [Fact]
    public async Task Refund_SentWithTwoAccountIdsAtOnce_CreditsOneOfThem()
    {
        var core = TestCore.Create();
        await PayOrderAsync(core, Alice);
        await PayOrderAsync(core, Bob);

        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => Task.Run(() => core.RefundAsync("r1", i % 2 == 0 ? Alice : Bob, 5_00))));

        var refunded = core.Ledger.Entries(Alice)
            .Concat(core.Ledger.Entries(Bob))
            .Count(e => e.Type == EntryType.Refund);
        Assert.Equal(1, refunded);
        Assert.Equal(5, results.Count(r => r.Succeeded));
    }

    [Fact]
    public async Task Refund_WhenCrashingBetweenClaimAndPosting_RedeliveryFinishesIt()
    {
        var setup = TestCore.Create();
        await PayOrderAsync(setup, Alice);
        await PayOrderAsync(setup, Bob);
        var crashing = new CoreBuilder().WithClock(setup.Clock).WithStores(setup.Cards, setup.Ledger)
            .WithExpiryIndex(setup.ExpiryIndex).WithRefundClaims(setup.RefundClaims)
            .WithRefundClaims(c => new CrashingRefundClaims(c)).Build();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.RefundAsync("r1", Alice, 5_00));
        var other = await crashing.RefundAsync("r1", Bob, 5_00);
        var redelivered = await crashing.RefundAsync("r1", Alice, 5_00);

        Assert.Equal(ErrorCode.NotRefundable, other.Failure?.Code);
        Assert.Equal((5_00L, false), (redelivered.Value.Credited.Amount, redelivered.Value.AlreadyCredited));
        Assert.Single(setup.Ledger.Entries(Alice), e => e.Type == EntryType.Refund);
        Assert.Equal(20_00, (await setup.BalanceAsync(Alice)).Gift.Amount);
    }

    private static async Task PayOrderAsync(TestCore core, AccountId account)
    {
        await core.FundAsync(account, 20_00);
        await core.DebitAsync(account, 5_00, $"pay-{account}", orderId: "order-1");
    }
}
