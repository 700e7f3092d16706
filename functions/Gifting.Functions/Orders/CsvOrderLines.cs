using System.Text;
using CsvHelper;
using Gifting.Core;

namespace Gifting.Functions.Orders;

/// <summary>
/// Reads the lines of a <c>text/csv</c> order as they arrive. Each line is numbered by the line of the file where
/// its record starts (the header is line 1), so a record with a line break inside quotes moves the numbers after it,
/// just as the buyer's editor shows them. Empty lines, such as a blank last line, are no records.
/// </summary>
public static class CsvOrderLines
{
    public static readonly IReadOnlyList<string> Columns =
        ["recipientName", "email", "phone", "channel", "amount", "currency", "message"];

    private const int HeaderLine = 1;

    // Far above any well-formed line; an unclosed quote would otherwise buffer the whole body as one record.
    private const int MaxRecordBytes = 64 * 1024;

    public static async Task<OrderLinesRead> ReadAsync(Stream body, int maxLines, CancellationToken cancellationToken)
    {
        var lines = new LineCollector(maxLines);
        var malformed = new Queue<long>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            MaxRecordSize = MaxRecordBytes,
            IncludeValuesInExceptions = false,
            OnMalformedRecord = record => malformed.Enqueue(record.LineNumber),
        };
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        await using var csv = CsvReader.Create(text, options, leaveOpen: true);
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            if (HeaderIndexes(csv.Headers, lines) is not { } index) return lines.Result();
            while (await csv.ReadAsync(cancellationToken))
            {
                if (!CountMalformed(malformed, lines) || !lines.Admit()) return lines.Result();
                ReadRecord(csv, index, lines);
            }
            CountMalformed(malformed, lines);
        }
        catch (CsvFormatException e)
        {
            // A record past the size limit: where the next one starts is unknown, so reading stops here.
            lines.Fail((int)e.LineNumber, "record", "The record is too long, or a quote in it is never closed.");
        }
        return lines.Result();
    }

    /// <summary>
    /// Each column's index in the file, in <see cref="Columns"/> order; null when the header is wrong.
    /// </summary>
    private static int[]? HeaderIndexes(IReadOnlyList<string> header, LineCollector lines)
    {
        var index = new int[Columns.Count];
        Array.Fill(index, -1);
        var wrong = false;
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            var column = IndexOf(name);
            if (column < 0 || index[column] >= 0)
            {
                wrong = true;
                lines.Fail(HeaderLine, name, column < 0
                    ? $"{name} is not a column of an order; the header is {string.Join(',', Columns)}."
                    : $"{name} is a column twice.");
                continue;
            }
            index[column] = i;
        }
        for (var column = 0; column < Columns.Count; column++)
        {
            if (index[column] >= 0) continue;
            wrong = true;
            lines.Fail(HeaderLine, Columns[column], $"The header has no {Columns[column]} column.");
        }
        return wrong ? null : index;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    private static void ReadRecord(CsvReader csv, int[] index, LineCollector lines)
    {
        var number = (int)csv.LineNumber;
        if (csv.FieldCount != Columns.Count)
        {
            lines.Fail(number, "record", $"The record has {csv.FieldCount} fields; the header has {Columns.Count}.");
            return;
        }
        string Field(int column) => csv.GetString(index[column]) ?? "";
        var amount = ReadAmount(number, Field(4).Trim(), Field(5).Trim(), lines);
        var line = LineShape.Check(number, Field(0), Field(1), Field(2), Field(3), amount, Field(6),
            (field, message) => lines.Fail(number, field, message));
        if (line is not null) lines.Add(line);
    }

    private static Money? ReadAmount(int number, string amount, string currency, LineCollector lines)
    {
        if (!MinorUnits.TryGetDigits(currency, out var digits))
        {
            lines.Fail(number, "currency", "currency must be the ISO 4217 code of a currency this service serves.");
            return null;
        }
        if (amount.Length == 0)
        {
            lines.Fail(number, "amount", "amount is required.");
            return null;
        }
        if (MajorUnits.TryParse(amount, currency, digits, out var money, out var problem)) return money;
        lines.Fail(number, "amount", problem!);
        return null;
    }

    /// <summary>
    /// Malformed records are skipped by the parser and reported as they are passed over: each is a line too, and
    /// counts toward the limit. False when one of them is over it.
    /// </summary>
    private static bool CountMalformed(Queue<long> malformed, LineCollector lines)
    {
        while (malformed.TryDequeue(out var line))
        {
            if (!lines.Admit()) return false;
            lines.Fail((int)line, "record", "The record's quotes are malformed.");
        }
        return true;
    }
}
