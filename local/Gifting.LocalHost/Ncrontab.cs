using System.Globalization;

namespace Gifting.LocalHost;

/// <summary>
/// The six-field NCRONTAB schedules of timer triggers (<c>second minute hour day month day-of-week</c>), with
/// <c>*</c>, lists, ranges and steps: enough to run the app's own schedules locally.
/// </summary>
public sealed class Ncrontab
{
    private static readonly (int Min, int Max)[] Ranges = [(0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (0, 6)];
    private readonly bool[][] _allowed;

    private Ncrontab(bool[][] allowed) => _allowed = allowed;

    public static Ncrontab Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6) throw new FormatException($"'{expression}' is not a six-field NCRONTAB expression.");
        return new Ncrontab(fields.Select((f, i) => ParseField(f, Ranges[i].Min, Ranges[i].Max)).ToArray());
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (whole seconds, UTC).</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var t = new DateTimeOffset(after.UtcDateTime.Ticks - after.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_allowed[4][t.Month]) { t = new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1); continue; }
            if (!_allowed[3][t.Day] || !_allowed[5][(int)t.DayOfWeek]) { t = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1); continue; }
            if (!_allowed[2][t.Hour]) { t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero).AddHours(1); continue; }
            if (!_allowed[1][t.Minute]) { t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero).AddMinutes(1); continue; }
            if (!_allowed[0][t.Second]) { t = t.AddSeconds(1); continue; }
            return t;
        }
        throw new InvalidOperationException("The schedule never fires.");
    }

    private static bool[] ParseField(string field, int min, int max)
    {
        var allowed = new bool[max + 1];
        foreach (var part in field.Split(','))
        {
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] => (r, int.Parse(s, CultureInfo.InvariantCulture)),
                _ => throw new FormatException($"Bad NCRONTAB field '{field}'."),
            };
            var (from, to) = range == "*" ? (min, max) : range.Split('-') switch
            {
                [var a] => (int.Parse(a, CultureInfo.InvariantCulture), step > 1 ? max : int.Parse(a, CultureInfo.InvariantCulture)),
                [var a, var b] => (int.Parse(a, CultureInfo.InvariantCulture), int.Parse(b, CultureInfo.InvariantCulture)),
                _ => throw new FormatException($"Bad NCRONTAB field '{field}'."),
            };
            if (from < min || to > max || from > to || step < 1) throw new FormatException($"Bad NCRONTAB field '{field}'.");
            for (var v = from; v <= to; v += step) allowed[v] = true;
        }
        return allowed;
    }
}
