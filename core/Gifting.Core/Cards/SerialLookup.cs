namespace Gifting.Core.Cards;

/// <summary>
/// A card looked up by serial inside an optimistic loop: found by serial the first time, then re-read by the card it
/// found, in one read instead of the serial's two.
/// </summary>
internal sealed class SerialLookup(ICardStore cards, string serial)
{
    private StoredCard? _seen;

    /// <summary>The card as it is now, or null if no card has the serial.</summary>
    public async Task<StoredCard?> ReadAsync(CancellationToken cancellationToken)
    {
        var stored = _seen is null
            ? await cards.FindBySerialAsync(serial, cancellationToken)
            : await cards.RereadAsync(_seen.Card, cancellationToken);
        _seen = stored ?? _seen;
        return stored;
    }
}
