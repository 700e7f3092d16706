using Gifting.Core.Cards;
using Gifting.Core.Ledger;

namespace Gifting.Core.Tests.Support;

/// <summary>
/// Gives up the thread before every call, as a network round trip would, so concurrent use cases interleave between
/// their reads and writes instead of running each to completion.
/// </summary>
internal sealed class YieldingCardStore(ICardStore inner) : ICardStore
{
    public async Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.BeginBatchAsync(batch, cancellationToken);
    }

    public async Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.TryCreateAsync(card, cancellationToken);
    }

    public async Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.FindBySerialAsync(serial, cancellationToken);
    }

    public async Task<StoredCard?> FindByCodeHashAsync(
        IEnumerable<string> codeHashes, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.FindByCodeHashAsync(codeHashes, cancellationToken);
    }

    public async Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.RereadAsync(card, cancellationToken);
    }

    public async Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.TryReplaceAsync(card, etag, cancellationToken);
    }
}

internal sealed class YieldingLedgerStore(ILedgerStore inner) : ILedgerStore
{
    public async Task<AccountState> ReadAccountAsync(AccountId account, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.ReadAccountAsync(account, cancellationToken);
    }

    public async Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.TryAppendAsync(entry, cancellationToken);
    }

    public async Task<LedgerEntry?> FindByOpKeyAsync(
        AccountId account, string opKey, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.FindByOpKeyAsync(account, opKey, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.FindByReferenceAsync(account, reference, upToSeq, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await inner.ReadDescendingAsync(account, fromSeq, count, cancellationToken);
    }
}
