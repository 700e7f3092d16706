using Gifting.Core.Ledger;

namespace Gifting.Core.Balances;

/// <summary>
/// What an account holds now: gift value, the promotional lots that can still be spent (soonest-expiring first) and
/// the value held for review.
/// </summary>
public sealed record Balance(Marketplace Marketplace, Money Gift, IReadOnlyList<PromoLot> Lots, Money PendingReview)
{
    public Money Promotional => new(Lots.Sum(l => l.Amount), Marketplace.Currency);

    public Money Available => new(Gift.Amount + Promotional.Amount, Marketplace.Currency);

    /// <summary>
    /// The balance after an entry. With <paramref name="asOf"/>, lots already past their expiry are left out even
    /// before the expiry timer posts their <c>promo_expiry</c>: they can no longer be spent.
    /// </summary>
    public static Balance Of(
        Marketplace marketplace, BalanceState state, long pendingReview = 0, DateTimeOffset? asOf = null)
    {
        var currency = marketplace.Currency;
        var lots = state.Lots.Where(l => asOf is not { } now || l.ExpiresAt > now).OrderBy(l => l.ExpiresAt).ToList();
        return new Balance(marketplace, new Money(state.Gift, currency), lots, new Money(pendingReview, currency));
    }
}
