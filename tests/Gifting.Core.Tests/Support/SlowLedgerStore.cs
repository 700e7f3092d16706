using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Support;

/// <summary>Every read of an account's latest entry takes a second on the clock, as a slow database would.</summary>
internal sealed class SlowLedgerStore(ILedgerStore inner, FakeTimeProvider clock) : DelegatingLedgerStore(inner)
{
    public override Task<AccountState> ReadAccountAsync(AccountId account, CancellationToken cancellationToken)
    {
        clock.Advance(TimeSpan.FromSeconds(1));
        return base.ReadAccountAsync(account, cancellationToken);
    }
}
