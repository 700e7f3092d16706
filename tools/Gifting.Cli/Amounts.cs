using System.CommandLine.Parsing;
using System.Globalization;

namespace Gifting.Cli;

/// <summary>Amounts typed in major units (<c>25.00</c>), sent in minor units as the API's Money.</summary>
public static class Amounts
{
    /// <summary>The amount in minor units, or an error for the option: malformed, not positive, too precise.</summary>
    public static long? ToMinor(string major, string currency, out string? problem)
    {
        problem = null;
        if (!Gifting.Core.MinorUnits.TryGetDigits(currency, out var digits))
        {
            problem = $"currency {currency} is not one the service serves.";
            return null;
        }
        if (!decimal.TryParse(major, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value <= 0 || value > 1_000_000_000m)
        {
            problem = $"amount {major} must be a positive number such as 25.00.";
            return null;
        }
        var minor = value * (decimal)Math.Pow(10, digits);
        if (minor != decimal.Truncate(minor))
        {
            problem = $"amount {major} has more than {digits} decimal places for {currency}.";
            return null;
        }
        return (long)minor;
    }

    /// <summary>Validates an option holding an amount against the currency option beside it.</summary>
    public static void Validate(OptionResult amount, Func<string?> currency)
    {
        ArgumentNullException.ThrowIfNull(amount);
        ArgumentNullException.ThrowIfNull(currency);
        if (amount.Tokens.Count == 0 || currency() is not { } code) return;
        if (ToMinor(amount.Tokens[0].Value, code, out var problem) is null) amount.AddError(problem!);
    }
}
