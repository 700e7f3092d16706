using Gifting.Core.Ledger;

namespace Gifting.Core.Balances;

public sealed record LotView(Money Amount, DateTimeOffset ExpiresAt, string Source);

public sealed record Balance(
    string Marketplace, string Currency, Money Available, Money Gift, Money Promotional, IReadOnlyList<LotView> PromotionalLots, Money PendingReview)
{
    /// <summary>
    /// The balance after an entry. With <paramref name="asOf"/>, lots already past their expiry are left out even
    /// before the expiry timer posts their <c>promo_expiry</c>: they can no longer be spent.
    /// </summary>
    public static Balance Of(Marketplace marketplace, BalanceState state, long pendingReview = 0, DateTimeOffset? asOf = null)
    {
        var currency = marketplace.Currency;
        if (asOf is { } now) state = state with { Lots = state.Lots.RemoveAll(l => l.ExpiresAt <= now) };
        return new Balance(
            marketplace.Code,
            currency,
            new Money(state.Total, currency),
            new Money(state.Gift, currency),
            new Money(state.Promotional, currency),
            state.Lots.OrderBy(l => l.ExpiresAt).Select(l => new LotView(new Money(l.Amount, currency), l.ExpiresAt, l.Source)).ToList(),
            new Money(pendingReview, currency));
    }
}
