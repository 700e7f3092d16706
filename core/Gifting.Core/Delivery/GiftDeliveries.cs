using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Gifting.Core.Messaging;
using Gifting.Core.Orders;

namespace Gifting.Core.Delivery;

/// <summary>
/// One message per delivery of a line on the contract's <see cref="Queue"/>, body
/// <c>{"deliveryId", "orderId", "lineId", "channel"}</c>. A delivery is named by its line and its number
/// (<c>{orderId}-{lineId}-{n}</c>, 0 the first, each resend the next): the message id, the provider's repeatability id
/// and the line's claim all carry it, so every copy of one delivery is the same delivery.
/// </summary>
public static class GiftDeliveries
{
    public const string Queue = "gift-deliveries";

    public static string IdOf(GiftLine line, int number)
    {
        ArgumentNullException.ThrowIfNull(line);
        return $"{line.OrderId}-{line.LineId}-{number.ToString(CultureInfo.InvariantCulture)}";
    }

    public static OutgoingMessage MessageOf(GiftLine line, int number, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(line);
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("deliveryId", IdOf(line, number));
            json.WriteString("orderId", line.OrderId);
            json.WriteString("lineId", line.LineId);
            json.WriteString("channel", line.Channel == DeliveryChannel.Sms ? "sms" : "email");
            json.WriteEndObject();
        }
        return new OutgoingMessage(Queue, IdOf(line, number), buffer.WrittenSpan.ToArray(), at);
    }

    /// <summary>The delivery's number, if <paramref name="deliveryId"/> names one of <paramref name="line"/>.</summary>
    public static int? NumberOf(GiftLine line, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(line);
        var prefix = $"{line.OrderId}-{line.LineId}-";
        return deliveryId.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(deliveryId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture,
                out var number)
            ? number
            : null;
    }
}
