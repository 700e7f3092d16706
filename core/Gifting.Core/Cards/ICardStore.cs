namespace Gifting.Core.Cards;

public interface ICardStore
{
    /// <summary>Stores a new card and its code index. False if the serial is taken.</summary>
    Task<bool> TryCreateAsync(Card card, CancellationToken cancellationToken);

    Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken);

    /// <summary>Finds the card whose code hashes to one of the candidates.</summary>
    Task<StoredCard?> FindByCodeHashAsync(IEnumerable<string> codeHashes, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the card if it is still at <paramref name="etag"/>: its new version, or null if someone wrote first.
    /// </summary>
    Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken);
}
