namespace Gifting.Core.Cards;

public interface ICardStore
{
    /// <summary>
    /// Records a new batch, create-only: the batch as stored, which is an earlier run's if the id was taken.
    /// </summary>
    Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken);

    /// <summary>Stores a new card and its code index. False if the serial or the code hash is taken.</summary>
    Task<bool> TryCreateAsync(Card card, CancellationToken cancellationToken);

    Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken);

    /// <summary>Finds the card whose code hashes to one of the candidates.</summary>
    Task<StoredCard?> FindByCodeHashAsync(IEnumerable<string> codeHashes, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the card if it is still at <paramref name="etag"/>: its new version, or null if someone wrote first.
    /// </summary>
    Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken);
}
