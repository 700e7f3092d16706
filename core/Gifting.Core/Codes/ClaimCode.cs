using System.Security.Cryptography;

namespace Gifting.Core.Codes;

/// <summary>
/// A claim code: 14 random symbols from a 32-symbol alphabet with no look-alikes (70 bits from a CSPRNG) and one
/// check symbol, shown as <c>XXXX-XXXXXX-XXXXX</c>. The check symbol is a Damm check over GF(32): it catches every
/// single-symbol substitution and every adjacent transposition, so typos are told apart before any lookup.
/// </summary>
public sealed class ClaimCode
{
    public const int RandomSymbols = 14;
    public const int Length = RandomSymbols + 1;
    public const int MaxInputLength = 64;

    /// <summary>Crockford's base-32 alphabet: digits and letters without I, L, O and U.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static readonly sbyte[] SymbolValues = BuildSymbolValues();

    private readonly string _normalized;

    private ClaimCode(string normalized) => _normalized = normalized;

    /// <summary>The 15 symbols without separators: what is hashed.</summary>
    public string Normalized => _normalized;

    /// <summary>The display form, <c>XXXX-XXXXXX-XXXXX</c>.</summary>
    public string Display => string.Create(Length + 2, _normalized, static (span, code) =>
    {
        code.AsSpan(0, 4).CopyTo(span);
        span[4] = '-';
        code.AsSpan(4, 6).CopyTo(span[5..]);
        span[11] = '-';
        code.AsSpan(10, 5).CopyTo(span[12..]);
    });

    public string Last4 => _normalized[^4..];

    public static ClaimCode Generate()
    {
        Span<byte> random = stackalloc byte[RandomSymbols];
        RandomNumberGenerator.Fill(random);
        Span<char> symbols = stackalloc char[Length];
        var interim = 0;
        for (var i = 0; i < RandomSymbols; i++)
        {
            // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform.
            var value = random[i] & 31;
            symbols[i] = Alphabet[value];
            interim = Step(interim, value);
        }
        symbols[RandomSymbols] = Alphabet[CheckValue(interim)];
        return new ClaimCode(new string(symbols));
    }

    /// <summary>Parses what a person typed: case, spaces, dashes and look-alikes are forgiven.</summary>
    public static ClaimCodeParse Parse(ReadOnlySpan<char> input)
    {
        if (input.Length > MaxInputLength) return ClaimCodeParse.Malformed;
        Span<char> symbols = stackalloc char[Length];
        var count = 0;
        var interim = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '-' or '\t' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u00A0')
                continue;
            var value = c < 128 ? SymbolValues[c] : (sbyte)-1;
            if (value < 0 || count == Length) return ClaimCodeParse.Malformed;
            symbols[count++] = Alphabet[value];
            interim = Step(interim, value);
        }
        if (count != Length) return ClaimCodeParse.Malformed;
        return interim == 0 ? new ClaimCodeParse(new ClaimCode(new string(symbols)), false) : ClaimCodeParse.Typo;
    }

    public override string ToString() => "****-******-" + Last4.PadLeft(5, '*');

    /// <summary>
    /// The quasigroup operation x∘y = 2·x + y in GF(2^5) with x^5 + x^2 + 1; totally anti-symmetric.
    /// </summary>
    private static int Step(int interim, int value)
    {
        var doubled = interim << 1;
        if ((doubled & 32) != 0) doubled ^= 0b100101;
        return doubled ^ value;
    }

    /// <summary>The symbol c with interim∘c = 0, which in characteristic 2 is 2·interim.</summary>
    private static int CheckValue(int interim) => Step(interim, 0);

    private static sbyte[] BuildSymbolValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
            values[char.ToLowerInvariant(Alphabet[i])] = (sbyte)i;
        }
        foreach (var (from, to) in new[] { ('O', '0'), ('I', '1'), ('L', '1'), ('U', 'V') })
        {
            values[from] = values[to];
            values[char.ToLowerInvariant(from)] = values[to];
        }
        return values;
    }
}

/// <summary>The outcome of parsing typed input: a code, a likely typo (bad check symbol) or junk.</summary>
public readonly record struct ClaimCodeParse(ClaimCode? Code, bool LikelyTypo)
{
    public static ClaimCodeParse Malformed => new(null, false);
    public static ClaimCodeParse Typo => new(null, true);
}
