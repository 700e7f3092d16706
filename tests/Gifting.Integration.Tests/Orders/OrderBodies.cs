using System.Text;
using Gifting.Core.Orders;
using Gifting.Functions.Orders;

namespace Gifting.Integration.Tests.Orders;

/// <summary>Order bodies for the reader's tests, and the reader itself with the contract's limit.</summary>
internal static class OrderBodies
{
    public const string Header = "recipientName,email,phone,channel,amount,currency,message";

    public static readonly OrderLinesReader Reader = new(OrderLimits.Default);

    public static Core.Money Amount(long minor, string currency) => new(minor, currency);

    public static string GoodCsvLine(int i) => $"Recipient {i},r{i}@example.com,,email,25.00,USD,Thank you";

    public static string Csv(int lines, string newline = "\n") =>
        string.Join(newline, Enumerable.Range(1, lines).Select(GoodCsvLine).Prepend(Header)) + newline;

    public static Task<OrderLinesRead> ReadCsvAsync(string csv) =>
        Reader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "text/csv", CancellationToken.None);

    public static Task<OrderLinesRead> ReadJsonAsync(string json) =>
        Reader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "application/json; charset=utf-8",
            CancellationToken.None);

    public static string JsonOrder(IEnumerable<string> lines) =>
        $$"""{"externalRef":"po-1","marketplace":"US","senderName":"HR","lines":[{{string.Join(',', lines)}}]}""";

    public static string GoodJsonLine(int i) =>
        $$$"""{"recipientName":"Recipient {{{i}}}","email":"r{{{i}}}@example.com","channel":"email",""" +
        """ "amount":{"amount":2500,"currency":"USD"}}""";
}

/// <summary>
/// A body that fails if read past <paramref name="content"/>: a reader that stops early never touches the tail.
/// </summary>
internal sealed class BodyWithForbiddenTail(byte[] content) : Stream
{
    private int _position;

    public long BytesRead => _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position == content.Length) throw new InvalidOperationException("The reader read past where it stops.");
        var n = Math.Min(buffer.Length, content.Length - _position);
        content.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush() => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
