using Gifting.Core.Cards;

namespace Gifting.Testing;

/// <summary>Crashes once, just after the first card create reached the store; later creates pass.</summary>
public sealed class CrashingCardCreate(ICardStore inner) : ICardStore
{
    private int _crashed;

    public bool Crashed => Volatile.Read(ref _crashed) == 1;

    public Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken) =>
        inner.BeginBatchAsync(batch, cancellationToken);

    public async Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken)
    {
        var created = await inner.TryCreateAsync(card, cancellationToken);
        if (created == CardCreation.Created && Interlocked.Exchange(ref _crashed, 1) == 0)
            throw new SimulatedCrashException();
        return created;
    }

    public Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken) =>
        inner.FindBySerialAsync(serial, cancellationToken);

    public Task<StoredCard?> FindByCodeHashAsync(IEnumerable<string> codeHashes, CancellationToken cancellationToken) =>
        inner.FindByCodeHashAsync(codeHashes, cancellationToken);

    public Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken) =>
        inner.RereadAsync(card, cancellationToken);

    public Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken) =>
        inner.TryReplaceAsync(card, etag, cancellationToken);
}
