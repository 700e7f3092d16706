using Gifting.Core.Cards;
using Gifting.Core.Liability;

namespace Gifting.Core.Redemptions;

/// <summary>
/// Records a held claim beside the claimant's balance. The hold document may exist only while the card is held, and a
/// review removes it after taking the card out of <c>Held</c>. So the document is written first and the card read
/// again: if a review decided in between, its removal may have come before this write, and the hold is removed here.
/// </summary>
public sealed class RecordHold(ICardStore cards, IHoldStore holds, CardTotals? cardTotals = null)
{
    public async Task ExecuteAsync(Card held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (held.Status != CardStatus.Held || held.ClaimedBy is not { } account || held.RedemptionId is not { } id)
            throw new InvalidOperationException("Only a held card has a hold to record.");

        var hold = new Hold(held.CardId, held.Serial, id, held.Value, held.Last4, held.ClaimedAt, held.HeldFor);
        await holds.PutAsync(account, hold, cancellationToken);
        if (cardTotals is not null) await cardTotals.HeldAsync(held);
        var current = await cards.RereadAsync(held, cancellationToken);
        if (current?.Card is { Status: CardStatus.Held } still && still.RedemptionId == id) return;
        await holds.RemoveAsync(account, held.CardId, cancellationToken);
    }
}
