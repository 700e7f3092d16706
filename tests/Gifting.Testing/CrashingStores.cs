using Gifting.Core;
using Gifting.Core.Cards;
using Gifting.Core.Ledger;
using Gifting.Core.Refunds;

namespace Gifting.Testing;

/// <summary>The process dies after a write reached the database and before its caller heard back.</summary>
public sealed class SimulatedCrashException() : Exception("Simulated crash after a write.");

/// <summary>Lets the first card write that matches through to the store, then crashes. Later writes pass.</summary>
public sealed class CrashingCardStore(ICardStore inner, Func<Card, bool> crashAfter) : DelegatingCardStore(inner)
{
    private int _crashed;

    public override async Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken)
    {
        var written = await base.TryReplaceAsync(card, etag, cancellationToken);
        if (written is not null && crashAfter(card) && Interlocked.Exchange(ref _crashed, 1) == 0)
            throw new SimulatedCrashException();
        return written;
    }
}

/// <summary>
/// Lets the first <paramref name="passing"/> card creates through, then crashes on every later one until healed: a
/// process that dies part way through a batch.
/// </summary>
public sealed class CrashingCardCreates(ICardStore inner, int passing) : DelegatingCardStore(inner)
{
    private int _creates;
    private volatile bool _healed;

    /// <summary>The process is back: creates pass again.</summary>
    public void Heal() => _healed = true;

    public override Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken) =>
        _healed || Interlocked.Increment(ref _creates) <= passing
            ? base.TryCreateAsync(card, cancellationToken)
            : throw new SimulatedCrashException();
}

/// <summary>Lets the first ledger append through to the store, then crashes. Later appends pass.</summary>
public sealed class CrashingLedgerStore(ILedgerStore inner) : ILedgerStore
{
    private int _crashed;

    public Task<AccountState> ReadAccountAsync(AccountId account, CancellationToken cancellationToken) =>
        inner.ReadAccountAsync(account, cancellationToken);

    public async Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var appended = await inner.TryAppendAsync(entry, cancellationToken);
        if (appended && Interlocked.Exchange(ref _crashed, 1) == 0) throw new SimulatedCrashException();
        return appended;
    }

    public Task<LedgerEntry?> FindByOpKeyAsync(AccountId account, string opKey, CancellationToken cancellationToken) =>
        inner.FindByOpKeyAsync(account, opKey, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken) =>
        inner.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken) =>
        inner.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
}

/// <summary>Lets the first refund claim through to the store, then crashes before the refund is posted.</summary>
public sealed class CrashingRefundClaims(IRefundClaims inner) : IRefundClaims
{
    private int _crashed;

    public async Task<AccountId> ClaimAsync(string refundId, AccountId account, CancellationToken cancellationToken)
    {
        var owner = await inner.ClaimAsync(refundId, account, cancellationToken);
        if (Interlocked.Exchange(ref _crashed, 1) == 0) throw new SimulatedCrashException();
        return owner;
    }
}
