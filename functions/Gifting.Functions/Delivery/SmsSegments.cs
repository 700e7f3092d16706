namespace Gifting.Functions.Delivery;

/// <summary>How a text message travels: the 7-bit GSM alphabet, or UCS-2 when a character is outside it.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <summary>
/// <see cref="Units"/>: septets for GSM-7 (an extension-table character costs two), UTF-16 code units for UCS-2.
/// </summary>
public readonly record struct SmsSegmentCount(SmsEncoding Encoding, int Units, int Segments);

/// <summary>
/// Counts the segments a text message is sent in (3GPP TS 23.038 and 23.040). One segment holds 160 GSM-7 septets
/// or 70 UCS-2 units; a longer message is split into parts of 153 or 67, because each part gives room to the header
/// that joins them. A part never ends inside an escape sequence or a surrogate pair, so a character that would
/// straddle a boundary starts the next part.
/// </summary>
public static class SmsSegments
{
    public const int Gsm7Single = 160;
    public const int Gsm7Part = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Part = 67;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    public static SmsSegmentCount Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsGsm7(text)
            ? Pack(text, SmsEncoding.Gsm7, Gsm7Single, Gsm7Part)
            : Pack(text, SmsEncoding.Ucs2, Ucs2Single, Ucs2Part);
    }

    /// <summary>Whether every character is in the GSM-7 default alphabet or its extension table.</summary>
    public static bool IsGsm7(string text) => text.All(c => Septets(c) > 0);

    private static SmsSegmentCount Pack(string text, SmsEncoding encoding, int single, int part)
    {
        var units = 0;
        var parts = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var cost = encoding == SmsEncoding.Gsm7 ? Septets(text[i])
                : char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (cost == 2 && encoding == SmsEncoding.Ucs2) i++;
            units += cost;
            if (used + cost > part)
            {
                parts++;
                used = 0;
            }
            used += cost;
        }
        return new SmsSegmentCount(encoding, units, units <= single ? 1 : parts);
    }

    private static int Septets(char c) => Basic.Contains(c) ? 1 : Extension.Contains(c) ? 2 : 0;
}
