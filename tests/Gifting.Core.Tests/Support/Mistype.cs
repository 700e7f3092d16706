using Gifting.Core.Codes;

namespace Gifting.Core.Tests.Support;

/// <summary>Ways to mistype a code, for tests.</summary>
internal static class Mistype
{
    public static string Substitute(string normalized, int position, char symbol) =>
        string.Concat(normalized.AsSpan(0, position), [symbol], normalized.AsSpan(position + 1));

    public static string SwapWithNext(string normalized, int position) =>
        string.Concat(
            normalized.AsSpan(0, position), [normalized[position + 1], normalized[position]],
            normalized.AsSpan(position + 2));

    /// <summary>The same code with one symbol replaced by another, which the check symbol must catch.</summary>
    public static string OneSymbol(ClaimCode code)
    {
        var first = code.Normalized[0];
        return Substitute(code.Normalized, 0, first == 'A' ? 'B' : 'A');
    }
}
