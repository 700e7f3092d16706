namespace Gifting.Core;

/// <summary>A storefront region. Gift balance is locked to the marketplace of its account.</summary>
public sealed record Marketplace
{
    private static readonly Dictionary<string, Marketplace> All = new(StringComparer.Ordinal)
    {
        ["US"] = new("US", "USD"), ["CA"] = new("CA", "CAD"), ["MX"] = new("MX", "MXN"), ["BR"] = new("BR", "BRL"),
        ["GB"] = new("GB", "GBP"), ["DE"] = new("DE", "EUR"), ["FR"] = new("FR", "EUR"), ["IT"] = new("IT", "EUR"),
        ["ES"] = new("ES", "EUR"), ["NL"] = new("NL", "EUR"), ["SE"] = new("SE", "SEK"), ["PL"] = new("PL", "PLN"),
        ["JP"] = new("JP", "JPY"), ["AU"] = new("AU", "AUD"), ["IN"] = new("IN", "INR"), ["SG"] = new("SG", "SGD"),
    };

    private Marketplace(string code, string currency)
    {
        Code = code;
        Currency = currency;
    }

    public static Marketplace Default { get; } = All["US"];

    /// <summary>Every marketplace this service serves.</summary>
    public static IEnumerable<Marketplace> Served => All.Values;

    public string Code { get; }
    public string Currency { get; }

    public static bool TryParse(string? code, out Marketplace marketplace)
    {
        marketplace = Default;
        if (code is null || !All.TryGetValue(code, out var found)) return false;
        marketplace = found;
        return true;
    }

    /// <summary>
    /// Whether some marketplace this service serves keeps its balances in <paramref name="currency"/>.
    /// </summary>
    public static bool IsServedCurrency(string? currency) => All.Values.Any(m => m.Currency == currency);

    /// <summary>
    /// The one marketplace that uses <paramref name="currency"/>, or null when none or several do (EUR).
    /// </summary>
    public static Marketplace? ForCurrency(string currency)
    {
        var matches = All.Values.Where(m => m.Currency == currency).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>
    /// The marketplace with the first code in ordinal order that uses <paramref name="currency"/> (DE for EUR), or
    /// null when none does: a fixed stand-in where only the currency matters, such as an org's funding.
    /// </summary>
    public static Marketplace? FirstForCurrency(string currency) =>
        All.Values.Where(m => m.Currency == currency).MinBy(m => m.Code, StringComparer.Ordinal);

    public static Marketplace Parse(string code) =>
        TryParse(code, out var marketplace)
            ? marketplace
            : throw new ArgumentException($"Unknown marketplace '{code}'.", nameof(code));

    public override string ToString() => Code;
}
