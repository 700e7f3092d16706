using Gifting.Core.Ledger;

namespace Gifting.Core.Balances;

public sealed record LotView(Money Amount, DateTimeOffset ExpiresAt, string Source);

public sealed record Balance(
    string Marketplace, string Currency, Money Available, Money Gift, Money Promotional, IReadOnlyList<LotView> PromotionalLots, Money PendingReview)
{
    public static Balance Of(Marketplace marketplace, BalanceState state, long pendingReview = 0)
    {
        var currency = marketplace.Currency;
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
