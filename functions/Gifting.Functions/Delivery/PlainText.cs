using System.Text;

namespace Gifting.Functions.Delivery;

/// <summary>
/// What a buyer typed, made safe to print in a message: control characters go (a NUL, a bell, an escape sequence,
/// a line break that would forge a paragraph in a name, half a surrogate pair), and so do the bidirectional
/// overrides and isolates that can make text read in another order than it is stored. Direction marks stay: a
/// right-to-left name needs them.
/// </summary>
public static class PlainText
{
    /// <summary>One line: every control character, line breaks included, is dropped; the ends are trimmed.</summary>
    public static string Line(string? value) => Clean(value, keepLineBreaks: false).Trim();

    /// <summary>
    /// Lines of a free-text message, each cleaned as <see cref="Line"/>; blank lines between paragraphs are kept
    /// (at most one in a row), those at the ends are dropped.
    /// </summary>
    public static IReadOnlyList<string> Lines(string? value)
    {
        var lines = new List<string>();
        foreach (var raw in Clean(value, keepLineBreaks: true).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 && (lines.Count == 0 || lines[^1].Length == 0)) continue;
            lines.Add(line);
        }
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static string Clean(string? value, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                clean.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c)) continue;
            else if (c == '\n' && keepLineBreaks) clean.Append(c);
            else if (c == '\t') clean.Append(' ');
            else if (!char.IsControl(c) && !IsBidiControl(c) && c is not ('\u2028' or '\u2029')) clean.Append(c);
        }
        return clean.ToString();
    }

    // U+202A..U+202E embed and override, U+2066..U+2069 isolate; marks (U+200E, U+200F, U+061C) only nudge.
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
