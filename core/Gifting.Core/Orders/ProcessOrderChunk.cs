using Gifting.Core.Delivery;
using Gifting.Core.Messaging;

namespace Gifting.Core.Orders;

/// <summary>One chunk message: the order, and which of its chunks.</summary>
public sealed record OrderChunkCommand(OrgId Org, string OrderId, int Chunk);

/// <summary>What one run of a chunk did to its lines.</summary>
public sealed record ChunkSummary(int Lines, int Issued, int Cancelled);

/// <summary>
/// Handles one chunk message: the chunk's lines are issued while the order is accepted and cancelled once it is
/// cancelled, whichever the order is when the message arrives. Every line's move is safe to repeat, so the same
/// message delivered twice, or two copies at once, leave one card per line. A chunk whose lines were all issued is
/// counted once, under its mark.
/// </summary>
public sealed class ProcessOrderChunk(
    IOrderStore orders, LineCards lineCards, IMessagePublisher publisher, TimeProvider clock)
{
    private const int Parallelism = 8;

    public async Task<Result<ChunkSummary>> ExecuteAsync(OrderChunkCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var stored = await orders.ReadAsync(command.Org, command.OrderId, cancellationToken);
        if (stored?.Order is not { Visible: true } order)
            return new Failure(ErrorCode.OrderNotFound, $"Order {command.OrderId} of {command.Org} is not accepted.");
        if (command.Chunk < 0 || command.Chunk >= order.ChunkCount)
            return new Failure(ErrorCode.ValidationFailed,
                $"Order {order.OrderId} has chunks 0 to {order.ChunkCount - 1}, not {command.Chunk}.");
        var from = command.Chunk * order.ChunkSize;
        var to = Math.Min(from + order.ChunkSize, order.LineCount);
        var lines = await orders.ReadLinesAsync(order.OrderId, from, to, cancellationToken);
        if (lines.Count != to - from)
            throw new InvalidOperationException(
                $"Chunk {command.Chunk} of order {order.OrderId} has {lines.Count} of its {to - from} lines stored.");

        var cancelling = order.Status == OrderStatus.Cancelled;
        var done = new GiftLine[lines.Count];
        await Parallel.ForAsync(0, lines.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => done[i] = cancelling
                ? await lineCards.CancelAsync(order, lines[i], ct)
                : await lineCards.IssueAsync(order, lines[i], ct));

        var issued = done.Count(l => l.Status is not (LineStatus.Pending or LineStatus.Cancelled));
        if (!cancelling && issued == done.Length)
            await orders.CountOnceAsync(order.Org, order.OrderId, $"issued-{command.Chunk}",
                OrderCounts.None with { Issued = issued }, cancellationToken);
        if (!cancelling) await PublishDeliveriesAsync(order, done, cancellationToken);
        return new ChunkSummary(done.Length, issued, done.Count(l => l.Status == LineStatus.Cancelled));
    }

    /// <summary>
    /// The first delivery of every issued line not yet delivered, held until the order's <c>deliverAt</c>. The lines
    /// were written first, so a send that fails fails the run, and the chunk's redelivery sends them again under the
    /// same ids.
    /// </summary>
    private async Task PublishDeliveriesAsync(Order order, GiftLine[] lines, CancellationToken cancellationToken)
    {
        var at = order.DeliverAt > clock.GetUtcNow() ? order.DeliverAt : null;
        var due = lines.Where(l => l is { Status: LineStatus.Scheduled, DoneDelivery: null })
            .Select(l => GiftDeliveries.MessageOf(l, 0, at)).ToList();
        if (due.Count > 0) await publisher.PublishAsync(due, cancellationToken);
    }
}
