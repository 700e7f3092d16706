using System.Globalization;
using System.Text.RegularExpressions;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>A route of the API contract, with the error statuses (and codes, where named) its table lists.</summary>
public sealed record ContractRoute(string Method, string Path, IReadOnlyList<(int Status, string? Code)> Errors);

/// <summary>
/// Reads the route tables of the API contract: every table whose header has a <c>route</c> column, with the
/// <c>errors</c> column where it has one. A cell may name several routes: <c>`GET /a`, `PUT` same</c> (the same
/// path) and <c>`POST /a/freeze`, `.../unfreeze`</c> (a sibling path).
/// </summary>
public static partial class ContractRoutes
{
    public static IReadOnlyList<ContractRoute> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var routes = new List<ContractRoute>();
        (int Route, int Errors)? columns = null;
        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (!line.StartsWith('|'))
            {
                columns = null;
                continue;
            }
            var cells = Cells(line);
            if (columns is null)
            {
                var errorsColumn = cells.FindIndex(c => c.StartsWith("errors", StringComparison.Ordinal));
                columns = (cells.IndexOf("route"), errorsColumn);
                continue;
            }
            if (columns.Value.Route < 0 || cells.All(c => c.Trim('-', ':').Length == 0)) continue;
            var errors = columns.Value.Errors is >= 0 and var e && e < cells.Count ? Errors(cells[e]) : [];
            var cell = cells[columns.Value.Route];
            routes.AddRange(Routes(cell).Select(r => new ContractRoute(r.Method, r.Path, errors)));
        }
        return routes;
    }

    private static List<string> Cells(string line) =>
        [.. UnescapedPipe().Split(line.Trim().Trim('|')).Select(c => c.Trim())];

    private static IEnumerable<(string Method, string Path)> Routes(string cell)
    {
        (string Method, string Path)? last = null;
        foreach (var span in Code().Matches(cell).Select(m => m.Groups[1].Value))
        {
            if (RouteSpan().Match(span) is { Success: true } route)
                last = (route.Groups[1].Value, route.Groups[2].Value.Split('?')[0]);
            else if (Methods().IsMatch(span) && last is { } same)
                last = (span, same.Path);
            else if (span.StartsWith(".../", StringComparison.Ordinal) && last is { } sibling)
                last = (sibling.Method, sibling.Path[..sibling.Path.LastIndexOf('/')] + span[3..]);
            else
                continue;
            yield return last.Value;
        }
    }

    private static List<(int Status, string? Code)> Errors(string cell) =>
        [.. ErrorSpan().Matches(cell).Select(m => (
            int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            m.Groups[2].Success ? m.Groups[2].Value : (string?)null))];

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE) (/\S*)$")]
    private static partial Regex RouteSpan();

    [GeneratedRegex("^(GET|POST|PUT|PATCH|DELETE)$")]
    private static partial Regex Methods();

    // A status is three digits on their own ("413 over 10,000 lines" names 413, not 000), maybe followed by a code.
    [GeneratedRegex(@"(?<![\w,.])([45]\d\d)(?![\w,])(?:\s+`([a-z_]+)`)?")]
    private static partial Regex ErrorSpan();
}
