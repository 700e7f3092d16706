using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Debits;

public sealed class InterruptedDebitTests
{
    private static readonly AccountId Alice = TestCore.Account("alice");

    [Fact]
    public async Task Debit_WhenCrashingAfterPosting_RetryAnswersTheSameDebitWithoutSpendingTwice()
    {
        var setup = TestCore.Create();
        await setup.FundAsync(Alice, 30_00);
        await setup.GrantAsync(Alice, "promo", 5_00, TimeSpan.FromDays(1));
        var crashing = new CoreBuilder().WithClock(setup.Clock).WithStores(setup.Cards, setup.Ledger)
            .WithLedgerStore(s => new CrashingLedgerStore(s)).Build();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.DebitAsync(Alice, 12_00, "d1"));
        var retry = (await crashing.DebitAsync(Alice, 12_00, "d1")).Value;

        Assert.Equal(
            (12_00L, 5_00L, 7_00L), (retry.Applied.Amount, retry.FromPromotional.Amount, retry.FromGift.Amount));
        Assert.Single(setup.Ledger.Entries(Alice), e => e.Type == EntryType.Debit);
        Assert.Equal(23_00, (await setup.BalanceAsync(Alice)).Available.Amount);
    }
}
