using System.Buffers;
using System.Text.Json;
using Gifting.Core.Messaging;

namespace Gifting.Core.Orders;

/// <summary>
/// An order's work goes out as one message per chunk on the internal <see cref="Queue"/>, body
/// <c>{"orderId", "org", "chunk"}</c>. A message says only which lines to look at: what to do with them (issue them,
/// or cancel them) is the order's status when the message is handled. Its id names the order, the chunk and the work,
/// so a re-send of the same work is a duplicate Service Bus can drop, and cancelling after issuing is not.
/// </summary>
public sealed class OrderChunks(IOrderStore orders, IUnfinishedOrderIndex unfinished, IMessagePublisher publisher)
{
    public const string Queue = "order-chunks";

    public static IReadOnlyList<OutgoingMessage> MessagesOf(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var work = order.Status == OrderStatus.Cancelled ? "cancel" : "issue";
        var messages = new OutgoingMessage[order.ChunkCount];
        for (var chunk = 0; chunk < messages.Length; chunk++)
            messages[chunk] = new OutgoingMessage(
                Queue, $"{order.OrderId}-{chunk}-{work}", Body(order, chunk));
        return messages;
    }

    /// <summary>
    /// Sends the messages of the order's current work, then records them sent and drops <paramref name="entry"/>.
    /// A failed send leaves both for the sweeper, which sends again under the same ids; the order as it now stands.
    /// </summary>
    public async Task<Order> PublishAsync(
        StoredOrder stored, UnfinishedOrder entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var order = stored.Order;
        if (order.Unpublished)
        {
            await publisher.PublishAsync(MessagesOf(order), cancellationToken);
            order = await RecordPublishedAsync(stored, order.Status, cancellationToken);
        }
        await unfinished.RemoveAsync(entry, cancellationToken);
        return order;
    }

    /// <summary>
    /// As <see cref="PublishAsync"/>, but a send that fails is left to the sweeper: the work is stored and will be
    /// sent, so whoever asked for it is answered as if it had been.
    /// </summary>
    public async Task<Order> PublishOrLeaveAsync(
        StoredOrder stored, UnfinishedOrder entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        try
        {
            return await PublishAsync(stored, entry, cancellationToken);
        }
        catch (MessagePublishException)
        {
            return stored.Order;
        }
    }

    /// <summary>Records <paramref name="status"/>'s messages sent, unless the order moved on since.</summary>
    private async Task<Order> RecordPublishedAsync(
        StoredOrder stored, OrderStatus status, CancellationToken cancellationToken) =>
        (await orders.ChangeAsync(stored, order => order.Status != status || order.PublishedFor == status
            ? null
            : order with { PublishedFor = status }, cancellationToken)).Order;

    private static byte[] Body(Order order, int chunk)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("orderId", order.OrderId);
            json.WriteString("org", order.Org.Value);
            json.WriteNumber("chunk", chunk);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
