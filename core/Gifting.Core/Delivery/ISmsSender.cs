namespace Gifting.Core.Delivery;

/// <summary>
/// Sends one text message. Expected failures are values in the <see cref="SendResult"/>, never exceptions; only
/// the caller's own cancellation throws.
/// </summary>
public interface ISmsSender
{
    /// <summary>
    /// <paramref name="deliveryId"/> and <paramref name="firstSent"/> (when the delivery was first attempted) make
    /// a repeated send of the same delivery recognisable to the provider for as long as it remembers; the caller's
    /// own delivery record is what keeps a message from going out twice.
    /// </summary>
    Task<SendResult> SendAsync(
        SmsMessage message, string deliveryId, DateTimeOffset firstSent, CancellationToken cancellationToken);
}
