using Gifting.Core.Cards;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>Counts lookups by serial, so a test can show a request never reached the database.</summary>
public sealed class CountingCardStore(ICardStore inner, CountingCardStore.Counter lookups) : ICardStore
{
    public sealed class Counter
    {
        private int _value;

        public int Value => _value;

        public void Add() => Interlocked.Increment(ref _value);
    }

    public Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken) =>
        inner.BeginBatchAsync(batch, cancellationToken);

    public Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken) =>
        inner.TryCreateAsync(card, cancellationToken);

    public Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken)
    {
        lookups.Add();
        return inner.FindBySerialAsync(serial, cancellationToken);
    }

    public Task<StoredCard?> FindByCodeHashAsync(IEnumerable<string> codeHashes, CancellationToken cancellationToken) =>
        inner.FindByCodeHashAsync(codeHashes, cancellationToken);

    public Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken) =>
        inner.RereadAsync(card, cancellationToken);

    public Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken) =>
        inner.TryReplaceAsync(card, etag, cancellationToken);
}
