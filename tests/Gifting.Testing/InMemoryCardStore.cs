using Gifting.Core.Cards;

namespace Gifting.Testing;

/// <summary>
/// Cards keyed by serial with a unique index from code hash to serial, as in Cosmos: creation fails if either is
/// taken, and every write gets a fresh ETag that a conditional replace must match. Batches are create-only by id.
/// </summary>
public sealed class InMemoryCardStore : ICardStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredCard> _bySerial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _serialByHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CardBatch> _batches = new(StringComparer.Ordinal);

    /// <summary>Every card as last written, for assertions.</summary>
    public IReadOnlyList<Card> Cards
    {
        get
        {
            lock (_gate) return _bySerial.Values.Select(s => s.Card).ToList();
        }
    }

    public Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate) return Task.FromResult(_batches.TryAdd(batch.BatchId, batch) ? batch : _batches[batch.BatchId]);
    }

    public Task<bool> TryCreateAsync(Card card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        lock (_gate)
        {
            if (_bySerial.ContainsKey(card.Serial) || _serialByHash.ContainsKey(card.CodeHash))
                return Task.FromResult(false);
            _serialByHash.Add(card.CodeHash, card.Serial);
            _bySerial.Add(card.Serial, new StoredCard(card, NewETag()));
            return Task.FromResult(true);
        }
    }

    public Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_bySerial.GetValueOrDefault(serial));
    }

    public Task<StoredCard?> FindByCodeHashAsync(IEnumerable<string> codeHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHashes);
        lock (_gate)
        {
            foreach (var hash in codeHashes)
            {
                if (_serialByHash.TryGetValue(hash, out var serial))
                    return Task.FromResult<StoredCard?>(_bySerial[serial]);
            }
            return Task.FromResult<StoredCard?>(null);
        }
    }

    public Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        lock (_gate)
        {
            // Cosmos answers a replace of a missing document with 404, which the real store lets through.
            if (!_bySerial.TryGetValue(card.Serial, out var current))
                throw new InvalidOperationException($"No card with serial {card.Serial} to replace.");
            if (current.Card.CodeHash != card.CodeHash)
                throw new InvalidOperationException("A card's code hash never changes.");
            if (current.ETag != etag) return Task.FromResult<string?>(null);
            var next = NewETag();
            _bySerial[card.Serial] = new StoredCard(card, next);
            return Task.FromResult<string?>(next);
        }
    }

    private static string NewETag() => Guid.NewGuid().ToString();
}
