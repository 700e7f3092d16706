using Gifting.Core.Cards;

namespace Gifting.Testing;

/// <summary>
/// Passes every call to the card store it wraps; a test decorator overrides only the calls it means to delay, break
/// or count.
/// </summary>
public abstract class DelegatingCardStore(ICardStore inner) : ICardStore
{
    public virtual Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken) =>
        inner.BeginBatchAsync(batch, cancellationToken);

    public virtual Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken) =>
        inner.TryCreateAsync(card, cancellationToken);

    public virtual Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken) =>
        inner.FindBySerialAsync(serial, cancellationToken);

    public virtual Task<StoredCard?> FindByCodeHashAsync(
        IEnumerable<string> codeHashes, CancellationToken cancellationToken) =>
        inner.FindByCodeHashAsync(codeHashes, cancellationToken);

    public virtual Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken) =>
        inner.RereadAsync(card, cancellationToken);

    public virtual Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken) =>
        inner.TryReplaceAsync(card, etag, cancellationToken);
}
