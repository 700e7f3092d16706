namespace Gifting.Core.Cards;

/// <summary>
/// Support reads what happened to a card; a card found mid-redemption is finished first, as in the lookup.
/// </summary>
public sealed class GetCardHistory(GetCard getCard)
{
    public async Task<Result<(Card Card, IReadOnlyList<CardEvent> Events)>> ExecuteAsync(
        string serial, CancellationToken cancellationToken)
    {
        var found = await getCard.ExecuteAsync(serial, cancellationToken);
        if (!found.Succeeded) return found.Failure!;
        return (found.Value, CardHistory.Of(found.Value));
    }
}
