namespace Gifting.Core.Cards;

public interface ICardStore
{
    /// <summary>
    /// Records a new batch, create-only: the batch as stored, which is an earlier run's if the id was taken.
    /// </summary>
    Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new card, create-only: serials and code hashes are unique, and a serial that an earlier run of the
    /// same card (same card id) began to write is finished under that run's code, never given a second card.
    /// </summary>
    Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken);

    /// <summary>The rare path (support, tills, admins, the sweeper): it may cost more than a lookup by code.</summary>
    Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken);

    /// <summary>Finds the card whose code hashes to one of the candidates: one read per candidate tried.</summary>
    Task<StoredCard?> FindByCodeHashAsync(IEnumerable<string> codeHashes, CancellationToken cancellationToken);

    /// <summary>The current version of a card the caller already holds, in one read.</summary>
    Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the card if it is still at <paramref name="etag"/>: its new version, or null if someone wrote first.
    /// </summary>
    Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken);
}
