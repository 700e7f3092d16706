using System.Text;
using Xunit.Abstractions;
using static Gifting.Integration.Tests.Orders.OrderBodies;

namespace Gifting.Integration.Tests.Orders;

/// <summary>
/// How much the managed heap grows while a 10,000-line CSV order is read from a stream that makes the body as it is
/// read, so the figure is the reader's alone. A figure for the performance notes, not a timed assertion; run with
/// <c>--logger "console;verbosity=detailed"</c> to see it.
/// </summary>
public sealed class CsvReadMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Read_Of10000LineCsv_ReportsPeakHeapGrowth()
    {
        var body = new GeneratedCsv(10_000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        body.Baseline = baseline;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var read = await Reader.ReadAsync(body, "text/csv", CancellationToken.None);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        Assert.Equal(10_000, read.Lines.Count);
        output.WriteLine($"10,000-line CSV ({body.BytesServed / 1024} KiB): peak heap growth while reading " +
            $"(garbage included) {body.PeakGrowth / 1024} KiB, held after reading (the lines) {retained / 1024} KiB, " +
            $"allocated in all {allocated / 1024} KiB.");
        GC.KeepAlive(read);
    }

    /// <summary>Makes the CSV as it is read, and samples the heap at each read.</summary>
    private sealed class GeneratedCsv(int lines) : Stream
    {
        private readonly byte[] _line = new byte[256];
        private int _next;
        private ReadOnlyMemory<byte> _pending = Encoding.UTF8.GetBytes(Header + "\r\n");

        public long Baseline { get; set; }
        public long PeakGrowth { get; private set; }
        public long BytesServed { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesServed; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            PeakGrowth = Math.Max(PeakGrowth, GC.GetTotalMemory(false) - Baseline);
            var written = 0;
            while (written < buffer.Length)
            {
                if (_pending.IsEmpty)
                {
                    if (_next == lines) break;
                    _next++;
                    var length = Encoding.UTF8.GetBytes(GoodCsvLine(_next) + "\r\n", _line);
                    _pending = _line.AsMemory(0, length);
                }
                var n = Math.Min(_pending.Length, buffer.Length - written);
                _pending.Span[..n].CopyTo(buffer[written..]);
                _pending = _pending[n..];
                written += n;
            }
            BytesServed += written;
            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(
            byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
