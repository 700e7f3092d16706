using Gifting.Core;
using Gifting.Core.Ledger;

namespace Gifting.Testing;

/// <summary>
/// Passes every call to the store it wraps; a test decorator overrides <see cref="OnCall"/> to act before every call
/// (count it, honour a cancelled token), or only the calls it means to delay or break.
/// </summary>
public abstract class DelegatingLedgerStore(ILedgerStore inner) : ILedgerStore
{
    public virtual Task<AccountState> ReadAccountAsync(AccountId account, CancellationToken cancellationToken)
    {
        OnCall(cancellationToken);
        return inner.ReadAccountAsync(account, cancellationToken);
    }

    public virtual Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        OnCall(cancellationToken);
        return inner.TryAppendAsync(entry, cancellationToken);
    }

    public virtual Task<LedgerEntry?> FindByOpKeyAsync(
        AccountId account, string opKey, CancellationToken cancellationToken)
    {
        OnCall(cancellationToken);
        return inner.FindByOpKeyAsync(account, opKey, cancellationToken);
    }

    public virtual Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken)
    {
        OnCall(cancellationToken);
        return inner.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);
    }

    public virtual Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken)
    {
        OnCall(cancellationToken);
        return inner.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
    }

    /// <summary>Runs before every call reaches the wrapped store.</summary>
    protected virtual void OnCall(CancellationToken cancellationToken)
    {
    }
}
