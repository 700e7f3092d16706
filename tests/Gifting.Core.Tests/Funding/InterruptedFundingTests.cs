using Gifting.Core.Funding;
using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Funding;

/// <summary>A posting that landed before its caller crashed: the retry finds it and posts nothing.</summary>
public sealed class InterruptedFundingTests
{
    private static readonly OrgId Acme = TestCore.Org("acme");

    private readonly TestCore _core = new CoreBuilder().WithFundingStore(s => new CrashingLedgerStore(s)).Build();

    [Fact]
    public async Task AddFunding_RetriedAfterACrashBehindItsPosting_AddsOnce()
    {
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _core.AddFundingAsync(Acme, 100_00, "key-1"));

        var retry = await _core.AddFundingAsync(Acme, 100_00, "key-1");

        Assert.True(retry.Value.Replayed);
        Assert.Equal(new Money(100_00, "USD"), await _core.AvailableAsync(Acme));
    }

    [Fact]
    public async Task Reserve_RetriedAfterACrashBehindItsPosting_TakesTheTotalOnce()
    {
        var core = new CoreBuilder().WithFundingStore(s => new CrashingAfterOrder(s)).Build();
        await core.AddFundingAsync(Acme, 100_00, "key-1");
        await Assert.ThrowsAsync<SimulatedCrashException>(() => core.ReserveAsync(Acme, "ord-1", 70_00));

        var retry = await core.ReserveAsync(Acme, "ord-1", 70_00);

        Assert.True(retry.Value.Replayed);
        Assert.Equal(new Money(30_00, "USD"), await core.AvailableAsync(Acme));
    }

    /// <summary>Crashes once, right after the first order entry has been written.</summary>
    private sealed class CrashingAfterOrder(ILedgerStore inner) : DelegatingLedgerStore(inner)
    {
        private int _crashed;

        public override async Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
        {
            var appended = await base.TryAppendAsync(entry, cancellationToken);
            if (appended && entry.Type == EntryType.Order && Interlocked.Exchange(ref _crashed, 1) == 0)
                throw new SimulatedCrashException();
            return appended;
        }
    }
}
