using Gifting.Core.Cards;
using Gifting.Core.Ledger;
using Gifting.Testing;

namespace Gifting.Core.Tests.Support;

/// <summary>
/// Honours the caller's token as the Cosmos SDK does (a cancelled call throws before it is sent), and cancels it once
/// the first card write matching <c>cancelAfter</c> has landed: the caller gives up right after that write.
/// </summary>
internal sealed class CancellingCardStore(
    ICardStore inner, Func<Card, bool> cancelAfter, CancellationTokenSource caller)
    : ICardStore
{
    public Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken) =>
        inner.BeginBatchAsync(batch, cancellationToken);

    public Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.TryCreateAsync(card, cancellationToken);
    }

    public Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.FindBySerialAsync(serial, cancellationToken);
    }

    public Task<StoredCard?> FindByCodeHashAsync(IEnumerable<string> codeHashes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.FindByCodeHashAsync(codeHashes, cancellationToken);
    }

    public Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.RereadAsync(card, cancellationToken);
    }

    public async Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var written = await inner.TryReplaceAsync(card, etag, cancellationToken);
        if (written is not null && cancelAfter(card)) await caller.CancelAsync();
        return written;
    }
}

/// <summary>A ledger whose calls throw once the caller's token is cancelled, as the Cosmos SDK's do.</summary>
internal sealed class TokenHonouringLedgerStore(ILedgerStore inner) : DelegatingLedgerStore(inner)
{
    protected override void OnCall(CancellationToken cancellationToken) =>
        cancellationToken.ThrowIfCancellationRequested();
}
