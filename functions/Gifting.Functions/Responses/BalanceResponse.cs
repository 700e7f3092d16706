using Gifting.Core;
using Gifting.Core.Balances;

namespace Gifting.Functions.Responses;

public sealed record LotResponse(Money Amount, DateTimeOffset ExpiresAt, string Source);

/// <summary>The contract's Balance: what a shopper can spend now, split into gift and promotional value.</summary>
public sealed record BalanceResponse(
    string Marketplace, string Currency, Money Available, Money Gift, Money Promotional,
    IReadOnlyList<LotResponse> PromotionalLots, Money PendingReview)
{
    public static BalanceResponse Of(Balance balance)
    {
        var currency = balance.Marketplace.Currency;
        return new BalanceResponse(
            balance.Marketplace.Code, currency, balance.Available, balance.Gift, balance.Promotional,
            balance.Lots.Select(l => new LotResponse(new Money(l.Amount, currency), l.ExpiresAt, l.Source)).ToList(),
            balance.PendingReview);
    }
}
