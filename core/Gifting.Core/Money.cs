namespace Gifting.Core;

/// <summary>An amount in integer minor units of an ISO 4217 currency. No floating point anywhere.</summary>
public readonly record struct Money
{
    public Money(long amount, string currency)
    {
        if (!IsCurrencyCode(currency))
            throw new ArgumentException("Currency must be three upper-case letters.", nameof(currency));
        Amount = amount;
        Currency = currency;
    }

    public long Amount { get; }
    public string Currency { get; }

    public static bool IsCurrencyCode(string? value) =>
        value is { Length: 3 } && value.All(char.IsAsciiLetterUpper);

    public Money Negate() => new(-Amount, Currency);

    public override string ToString() => $"{Amount} {Currency}";
}
