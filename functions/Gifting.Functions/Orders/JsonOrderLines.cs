using System.Buffers;
using System.Text.Json;

namespace Gifting.Functions.Orders;

/// <summary>
/// Reads an <c>application/json</c> order as it arrives: the body passes once through one buffer, and each element
/// of <c>lines</c> is parsed on its own as soon as it is complete, so memory holds a line at a time, not the body.
/// A line is numbered by its place in the list, from 1. The order's own members are kept as sent; a member of the
/// wrong JSON type, or a body that is not JSON, is a <see cref="JsonException"/>, as for every other route.
/// </summary>
public sealed partial class JsonOrderLines
{
    // A line is a few hundred bytes; one that needs more than this is not a line anyone meant to send.
    private const int MaxBufferBytes = 256 * 1024;
    private const int FirstBufferBytes = 16 * 1024;

    private readonly LineCollector _lines;
    private Step _step = Step.Start;
    private string? _property;
    private string? _externalRef, _marketplace, _senderName, _deliverAt;
    private int _index;
    private bool _linesSeen;

    private JsonOrderLines(int maxLines) => _lines = new LineCollector(maxLines);

    private enum Step { Start, Member, Value, LinesStart, Lines, Done, Stopped }

    public static async Task<OrderLinesRead> ReadAsync(Stream body, int maxLines, CancellationToken cancellationToken)
    {
        var reading = new JsonOrderLines(maxLines);
        var buffer = ArrayPool<byte>.Shared.Rent(FirstBufferBytes);
        try
        {
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 16 });
            var filled = 0;
            var final = false;
            while (reading._step is not (Step.Done or Step.Stopped))
            {
                if (!final)
                {
                    if (filled == buffer.Length) buffer = Grow(buffer, filled);
                    var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                    filled += read;
                    final = read == 0;
                }
                var consumed = reading.Consume(buffer.AsSpan(0, filled), final, ref state);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (final && reading._step is not (Step.Done or Step.Stopped))
                    throw new JsonException("The body ends before the order does.");
            }
            if (reading._step == Step.Done && !reading._linesSeen) throw new JsonException("An order needs lines.");
        }
        catch (InvalidOperationException e) when (e is not ObjectDisposedException)
        {
            // A string that is not UTF-8, or an escaped lone surrogate: the reader cannot give it as text.
            throw new JsonException("The order holds text that is not valid UTF-8.", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return reading._lines.Result(new OrderFieldValues(
            reading._externalRef, reading._marketplace, reading._senderName, reading._deliverAt));
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        if (buffer.Length >= MaxBufferBytes) throw new JsonException("A line of the order is too large.");
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
