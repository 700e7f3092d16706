using Gifting.Core;

namespace Gifting.Functions.Orders;

/// <summary>
/// Reads an amount written in major units (<c>25.00</c>, <c>3000</c>) into minor units of its currency. Only digits,
/// one optional point and at most as many decimals as the currency has; a sign is read so that core, which decides
/// what amounts are allowed, is the one to refuse a negative one.
/// </summary>
public static class MajorUnits
{
    // 15 integer digits keep any amount far inside a long once scaled by up to 10^4.
    private const int MaxIntegerDigits = 15;

    /// <summary>
    /// Reads <paramref name="text"/> as an amount of <paramref name="currency"/>, whose minor unit has
    /// <paramref name="digits"/> decimals.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<char> text, string currency, int digits, out Money money, out string? problem)
    {
        money = default;
        var negative = text.StartsWith("-");
        var body = negative ? text[1..] : text;
        var point = body.IndexOf('.');
        var whole = point < 0 ? body : body[..point];
        var fraction = point < 0 ? [] : body[(point + 1)..];
        if (whole.IsEmpty || (point >= 0 && fraction.IsEmpty) || !AllDigits(whole) || !AllDigits(fraction))
        {
            problem = "The amount must be a number in major units, such as 25.00.";
            return false;
        }
        if (fraction.Length > digits)
        {
            problem = digits == 0
                ? $"{currency} has no decimals."
                : $"{currency} has at most {digits} decimals.";
            return false;
        }
        if (whole.TrimStart('0').Length > MaxIntegerDigits)
        {
            problem = "The amount is too large.";
            return false;
        }
        long minor = 0;
        foreach (var c in whole) minor = minor * 10 + (c - '0');
        for (var i = 0; i < digits; i++) minor = minor * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
        money = new Money(negative ? -minor : minor, currency);
        problem = null;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}
