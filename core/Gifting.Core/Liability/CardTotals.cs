using Gifting.Core.Cards;

namespace Gifting.Core.Liability;

/// <summary>
/// Counts cards into the running totals at the steps that change what is owed on them, each under a mark naming the
/// card and the step, by whoever takes the step and by anyone who finds it taken (a retry, a repeated call), so each
/// is counted once. Issued: its value is owed on an unredeemed card. Held: the value moves from unredeemed cards to
/// pending review. Reviewed: it leaves pending review; an approval puts it back among unredeemed cards for the
/// moment until the redemption's ledger entry takes it out, as every redemption's entry does. Cancelled (not by a
/// declined review, whose hold already took it out): it is no longer owed.
/// </summary>
public sealed class CardTotals(ILiabilityTotals? totals = null)
{
    public Task IssuedAsync(Card card) =>
        CountAsync(card, card?.IssuedAt, "issued", new LiabilityDelta(UnredeemedCards: Value(card)));

    public Task HeldAsync(Card card) => CountAsync(card, card?.ClaimedAt, $"held:{card?.RedemptionId}",
        new LiabilityDelta(UnredeemedCards: -Value(card), PendingReview: Value(card)));

    public Task ReviewedAsync(Card card) => CountAsync(card, card?.ReviewedAt, $"reviewed:{card?.RedemptionId}",
        card?.ReviewDecision == ReviewDecision.Approved
            ? new LiabilityDelta(UnredeemedCards: Value(card), PendingReview: -Value(card))
            : new LiabilityDelta(PendingReview: -Value(card)));

    public Task CancelledAsync(Card card) => card?.ReviewDecision == ReviewDecision.Declined
        ? Task.CompletedTask
        : CountAsync(card, card?.CancelledAt, "cancelled", new LiabilityDelta(UnredeemedCards: -Value(card)));

    private static long Value(Card? card) => card?.Value.Amount ?? 0;

    private Task CountAsync(Card? card, DateTimeOffset? at, string step, LiabilityDelta delta)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (totals is null) return Task.CompletedTask;
        var day = DateOnly.FromDateTime((at ?? card.IssuedAt).UtcDateTime);
        return totals.CountOnceAsync(card.Marketplace, card.Value.Currency, day, $"card:{card.CardId}:{step}", delta,
            CancellationToken.None);
    }
}
