using System.CommandLine;
using System.Globalization;

namespace Gifting.Cli.Commands;

/// <summary>The API's list paging as options: <c>--limit</c> and <c>--cursor</c>.</summary>
public static class Paging
{
    public static (Option<int?> Limit, Option<string?> Cursor) Options()
    {
        var limit = new Option<int?>("--limit") { Description = "Items per page (1-100; the API's default is 25)." };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 100) r.AddError("--limit must be between 1 and 100.");
        });
        var cursor = new Option<string?>("--cursor") { Description = "The nextCursor of the previous page." };
        return (limit, cursor);
    }

    /// <summary>The query string for the paging options given (none for none).</summary>
    public static string Query(ParseResult parsed, Option<int?> limit, Option<string?> cursor, bool first = true)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var parts = new List<string>();
        if (parsed.GetValue(limit) is { } l) parts.Add("limit=" + l.ToString(CultureInfo.InvariantCulture));
        if (parsed.GetValue(cursor) is { } c) parts.Add("cursor=" + Uri.EscapeDataString(c));
        if (parts.Count == 0) return "";
        return (first ? "?" : "&") + string.Join('&', parts);
    }
}
