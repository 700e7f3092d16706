using Gifting.Core;

namespace Gifting.Functions.Http;

/// <summary>Money as clients send it; checked once here, then a <see cref="Money"/>.</summary>
public sealed record MoneyBody(long Amount, string Currency)
{
    public Money? ToMoney() => Money.IsCurrencyCode(Currency) ? new Money(Amount, Currency) : null;
}
