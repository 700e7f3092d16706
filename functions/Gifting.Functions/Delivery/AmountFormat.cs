using System.Text;
using Gifting.Core;

namespace Gifting.Functions.Delivery;

/// <summary>
/// An amount written as a person in its marketplace reads money: <c>$25.00</c>, <c>£25.00</c>, <c>25,00 €</c>,
/// <c>￥2,500</c>. The app runs with invariant globalization (no ICU data), so <c>CultureInfo("de-DE")</c> knows
/// nothing of Germany; each served marketplace's pattern is written out here, after CLDR for its locale.
/// </summary>
public static class AmountFormat
{
    private const char Nbsp = '\u00A0';
    private const char NarrowNbsp = '\u202F';

    private static readonly Dictionary<string, Pattern> Patterns = new(StringComparer.Ordinal)
    {
        ["US"] = new("$", Prefix: true, ',', '.'), // en-US
        ["CA"] = new("$", Prefix: true, ',', '.'), // en-CA
        ["MX"] = new("$", Prefix: true, ',', '.'), // es-MX
        ["BR"] = new("R$" + Nbsp, Prefix: true, '.', ','), // pt-BR
        ["GB"] = new("£", Prefix: true, ',', '.'), // en-GB
        ["DE"] = new(Nbsp + "€", Prefix: false, '.', ','), // de-DE
        ["FR"] = new(Nbsp + "€", Prefix: false, NarrowNbsp, ','), // fr-FR
        ["IT"] = new(Nbsp + "€", Prefix: false, '.', ','), // it-IT
        ["ES"] = new(Nbsp + "€", Prefix: false, '.', ',', MinimumGroupingDigits: 2), // es-ES: 1234,56 €
        ["NL"] = new("€" + Nbsp, Prefix: true, '.', ','), // nl-NL
        ["SE"] = new(Nbsp + "kr", Prefix: false, Nbsp, ','), // sv-SE
        ["PL"] = new(Nbsp + "zł", Prefix: false, Nbsp, ',', MinimumGroupingDigits: 2), // pl-PL
        ["JP"] = new("￥", Prefix: true, ',', '.'), // ja-JP, no minor unit
        ["AU"] = new("$", Prefix: true, ',', '.'), // en-AU
        ["IN"] = new("₹", Prefix: true, ',', '.', IndianGrouping: true), // en-IN: ₹1,00,000.00
        ["SG"] = new("$", Prefix: true, ',', '.'), // en-SG
    };

    /// <summary>
    /// <paramref name="amount"/> for <paramref name="marketplace"/>; the amount must be in the marketplace's own
    /// currency and not negative (a gift is never less than nothing).
    /// </summary>
    public static string Format(Money amount, Marketplace marketplace)
    {
        if (amount.Currency != marketplace.Currency)
            throw new ArgumentException(
                $"A {marketplace} gift is in {marketplace.Currency}, not {amount.Currency}.", nameof(amount));
        ArgumentOutOfRangeException.ThrowIfNegative(amount.Amount, nameof(amount));
        if (!Patterns.TryGetValue(marketplace.Code, out var pattern) ||
            !MinorUnits.TryGetDigits(amount.Currency, out var digits))
            throw new ArgumentException($"No amount format for marketplace {marketplace}.", nameof(marketplace));

        var scale = 1L;
        for (var i = 0; i < digits; i++) scale *= 10;
        var number = Group(amount.Amount / scale, pattern);
        if (digits > 0)
            number += pattern.Decimal + (amount.Amount % scale).ToString($"D{digits}", null);
        return pattern.Prefix ? pattern.Symbol + number : number + pattern.Symbol;
    }

    /// <summary>
    /// <see cref="Format"/> in characters GSM-7 has, where it has them: a no-break space is not among them and would
    /// make the whole text message UCS-2 (70 characters a segment, not 160), so it becomes a space, and the
    /// full-width yen the halfwidth one.
    /// </summary>
    public static string FormatForSms(Money amount, Marketplace marketplace) =>
        Format(amount, marketplace).Replace(Nbsp, ' ').Replace(NarrowNbsp, ' ').Replace('￥', '¥');

    private static string Group(long major, Pattern pattern)
    {
        var digits = major.ToString("D", null);
        if (digits.Length < 3 + pattern.MinimumGroupingDigits) return digits;
        var grouped = new StringBuilder();
        var end = digits.Length;
        var size = 3;
        while (end > size)
        {
            grouped.Insert(0, digits[(end - size)..end]).Insert(0, pattern.Group);
            end -= size;
            if (pattern.IndianGrouping) size = 2;
        }
        return grouped.Insert(0, digits[..end]).ToString();
    }

    private sealed record Pattern(
        string Symbol, bool Prefix, char Group, char Decimal, int MinimumGroupingDigits = 1,
        bool IndianGrouping = false);
}
