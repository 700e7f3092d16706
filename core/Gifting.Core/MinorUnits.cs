namespace Gifting.Core;

/// <summary>
/// How many decimal places a currency's minor unit has (ISO 4217), for the currencies this service serves.
/// </summary>
public static class MinorUnits
{
    private static readonly Dictionary<string, int> Digits = new(StringComparer.Ordinal)
    {
        ["USD"] = 2, ["CAD"] = 2, ["MXN"] = 2, ["BRL"] = 2, ["GBP"] = 2, ["EUR"] = 2, ["SEK"] = 2, ["PLN"] = 2,
        ["JPY"] = 0, ["AUD"] = 2, ["INR"] = 2, ["SGD"] = 2,
    };

    /// <summary>
    /// The decimal places of <paramref name="currency"/>, or false for a currency this service does not serve: an
    /// amount in major units cannot be read in a currency whose minor unit is not known.
    /// </summary>
    public static bool TryGetDigits(string? currency, out int digits)
    {
        digits = 0;
        return currency is not null && Digits.TryGetValue(currency, out digits);
    }
}
