using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Support;

/// <summary>Every read of an account's latest entry takes a second on the clock, as a slow database would.</summary>
internal sealed class SlowLedgerStore(ILedgerStore inner, FakeTimeProvider clock) : ILedgerStore
{
    public Task<LedgerEntry?> ReadLatestAsync(AccountId account, CancellationToken cancellationToken)
    {
        clock.Advance(TimeSpan.FromSeconds(1));
        return inner.ReadLatestAsync(account, cancellationToken);
    }

    public Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
        inner.TryAppendAsync(entry, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken) =>
        inner.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);

    public Task<LedgerEntry?> FindByOpKeyAsync(AccountId account, string opKey, CancellationToken cancellationToken) =>
        inner.FindByOpKeyAsync(account, opKey, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken) =>
        inner.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
}
