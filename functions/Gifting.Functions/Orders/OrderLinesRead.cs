using Gifting.Core.Orders;

namespace Gifting.Functions.Orders;

/// <summary>
/// What reading an order's lines found. <see cref="Lines"/> holds the lines whose shape is right; <see cref="Errors"/>
/// the first <see cref="LineCollector.MaxErrors"/> problems of the others, of <see cref="ErrorCount"/> in all.
/// <see cref="TooMany"/> means reading stopped at the first line over the limit, so nothing after it was read.
/// </summary>
public sealed record OrderLinesRead(
    IReadOnlyList<OrderLine> Lines, IReadOnlyList<LineError> Errors, int ErrorCount, int LineCount, bool TooMany)
{
    /// <summary>The order's own fields when they came in the body (JSON); for CSV they are query parameters.</summary>
    public OrderFieldValues? Fields { get; init; }
}

/// <summary>The order's own fields as sent, before their shape is checked.</summary>
public sealed record OrderFieldValues(string? ExternalRef, string? Marketplace, string? SenderName, string? DeliverAt);

/// <summary>
/// Gathers lines as a reader finds them: counts every line, stops admitting past the limit, and keeps a bounded
/// number of errors while still counting the rest, so a body with many bad lines costs no more memory than a good one.
/// </summary>
public sealed class LineCollector(int maxLines)
{
    public const int MaxErrors = 100;

    private readonly List<OrderLine> _lines = [];
    private readonly List<LineError> _errors = [];
    private int _errorCount;

    public int Count { get; private set; }

    public bool TooMany { get; private set; }

    /// <summary>Counts one more line; false, and reading must stop, when it is one over the limit.</summary>
    public bool Admit()
    {
        if (Count == maxLines)
        {
            TooMany = true;
            return false;
        }
        Count++;
        return true;
    }

    public void Add(OrderLine line) => _lines.Add(line);

    public void Fail(int line, string field, string message)
    {
        _errorCount++;
        if (_errors.Count < MaxErrors) _errors.Add(new LineError(line, field, message));
    }

    public OrderLinesRead Result(OrderFieldValues? fields = null) =>
        new(_lines, _errors, _errorCount, Count, TooMany) { Fields = fields };
}
