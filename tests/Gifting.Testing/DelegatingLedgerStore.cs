using Gifting.Core;
using Gifting.Core.Ledger;

namespace Gifting.Testing;

/// <summary>
/// Passes every call to the store it wraps; a test decorator overrides only the calls it means to delay, count or
/// break.
/// </summary>
public abstract class DelegatingLedgerStore(ILedgerStore inner) : ILedgerStore
{
    public virtual Task<LedgerEntry?> ReadLatestAsync(AccountId account, CancellationToken cancellationToken) =>
        inner.ReadLatestAsync(account, cancellationToken);

    public virtual Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
        inner.TryAppendAsync(entry, cancellationToken);

    public virtual Task<LedgerEntry?> FindByOpKeyAsync(
        AccountId account, string opKey, CancellationToken cancellationToken) =>
        inner.FindByOpKeyAsync(account, opKey, cancellationToken);

    public virtual Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken) =>
        inner.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);

    public virtual Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken) =>
        inner.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
}
