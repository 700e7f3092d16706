using Gifting.Core.Cards;

namespace Gifting.Testing;

/// <summary>
/// Cards keyed by code hash with a unique index from serial to code hash, as in Cosmos, but written in one step, so
/// it has none of the states between the two writes that the Cosmos store must handle. Creation fails if either is
/// taken, except that storing the very same card again (an earlier run's write, retried) counts as created. Every
/// write gets a fresh ETag that a conditional replace must match. Batches are create-only by id.
/// </summary>
public sealed class InMemoryCardStore : ICardStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredCard> _byHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hashBySerial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CardBatch> _batches = new(StringComparer.Ordinal);

    /// <summary>Every card as last written, for assertions.</summary>
    public IReadOnlyList<Card> Cards
    {
        get
        {
            lock (_gate) return _byHash.Values.Select(s => s.Card).ToList();
        }
    }

    public Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate) return Task.FromResult(_batches.TryAdd(batch.BatchId, batch) ? batch : _batches[batch.BatchId]);
    }

    public Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        lock (_gate)
        {
            if (_byHash.TryGetValue(card.CodeHash, out var holder))
            {
                var same = holder.Card.CardId == card.CardId && holder.Card.Serial == card.Serial;
                return Task.FromResult(same ? CardCreation.Created : CardCreation.CodeTaken);
            }
            if (_hashBySerial.ContainsKey(card.Serial)) return Task.FromResult(CardCreation.SerialTaken);
            _hashBySerial.Add(card.Serial, card.CodeHash);
            _byHash.Add(card.CodeHash, new StoredCard(card, NewETag()));
            return Task.FromResult(CardCreation.Created);
        }
    }

    public Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(
                _hashBySerial.TryGetValue(serial, out var hash) ? _byHash.GetValueOrDefault(hash) : null);
        }
    }

    public Task<StoredCard?> FindByCodeHashAsync(IEnumerable<string> codeHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHashes);
        lock (_gate)
        {
            foreach (var hash in codeHashes)
            {
                if (_byHash.TryGetValue(hash, out var stored)) return Task.FromResult<StoredCard?>(stored);
            }
            return Task.FromResult<StoredCard?>(null);
        }
    }

    public Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        lock (_gate) return Task.FromResult(_byHash.GetValueOrDefault(card.CodeHash));
    }

    public Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        lock (_gate)
        {
            // Cosmos answers a replace of a missing document with 404, which the real store lets through.
            if (!_byHash.TryGetValue(card.CodeHash, out var current))
                throw new InvalidOperationException("No card with this code hash to replace.");
            if (current.Card.Serial != card.Serial)
                throw new InvalidOperationException("A card's serial never changes.");
            if (current.ETag != etag) return Task.FromResult<string?>(null);
            var next = NewETag();
            _byHash[card.CodeHash] = new StoredCard(card, next);
            return Task.FromResult<string?>(next);
        }
    }

    private static string NewETag() => Guid.NewGuid().ToString();
}
