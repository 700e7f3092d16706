using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Gifting.Cli;

/// <summary>
/// JSON answers as tables: a list (an array, or a page's <c>items</c>) one row per item, an object one row per
/// member. Money shows as amount and currency; other nested values as compact JSON.
/// </summary>
public static class Tables
{
    public static void Write(TextWriter output, JsonElement json)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        if (Rows(json) is { } rows)
        {
            console.Write(ListTable(rows));
            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("nextCursor", out var next)
                && next.ValueKind == JsonValueKind.String)
                console.WriteLine("next cursor: " + next.GetString());
            return;
        }
        var table = new Table().AddColumn("field").AddColumn("value");
        if (json.ValueKind == JsonValueKind.Object)
            foreach (var p in json.EnumerateObject()) table.AddRow(Markup.Escape(p.Name), Markup.Escape(Cell(p.Value)));
        else
            table.AddRow("value", Markup.Escape(Cell(json)));
        console.Write(table);
    }

    private static List<JsonElement>? Rows(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Array => [.. json.EnumerateArray()],
        JsonValueKind.Object when json.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            => [.. items.EnumerateArray()],
        JsonValueKind.Object when json.TryGetProperty("cards", out var cards) && cards.ValueKind == JsonValueKind.Array
            => [.. cards.EnumerateArray()],
        _ => null,
    };

    private static Table ListTable(List<JsonElement> rows)
    {
        var columns = rows.Where(r => r.ValueKind == JsonValueKind.Object)
            .SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        var table = new Table();
        if (columns.Count == 0)
        {
            table.AddColumn("value");
            foreach (var row in rows) table.AddRow(Markup.Escape(Cell(row)));
            return table;
        }
        foreach (var column in columns) table.AddColumn(Markup.Escape(column));
        foreach (var row in rows)
            table.AddRow(columns.Select(c => Markup.Escape(
                row.ValueKind == JsonValueKind.Object && row.TryGetProperty(c, out var v) ? Cell(v) : "")).ToArray());
        return table;
    }

    public static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.Object when value.TryGetProperty("amount", out var a)
            && value.TryGetProperty("currency", out var c) && a.ValueKind == JsonValueKind.Number
            => Amount(a.GetInt64(), c.GetString() ?? ""),
        JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
        _ => value.GetRawText(),
    };

    /// <summary>Minor units in major units, as a person reads them: 2500 USD is 25.00 USD.</summary>
    public static string Amount(long minor, string currency)
    {
        if (!Gifting.Core.MinorUnits.TryGetDigits(currency, out var digits))
            return $"{minor.ToString(CultureInfo.InvariantCulture)} {currency} (minor units)";
        var major = minor / (decimal)Math.Pow(10, digits);
        return $"{major.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} "
            + currency;
    }
}
