namespace Gifting.Core.Delivery;

/// <summary>
/// Sends one email. Expected failures are values in the <see cref="SendResult"/>, never exceptions; only the
/// caller's own cancellation throws.
/// </summary>
public interface IEmailSender
{
    /// <summary>
    /// <paramref name="deliveryId"/> and <paramref name="firstSent"/> (when the delivery was first attempted) make
    /// a repeated send of the same delivery recognisable to the provider for as long as it remembers; the caller's
    /// own delivery record is what keeps a message from going out twice.
    /// </summary>
    Task<SendResult> SendAsync(
        EmailMessage message, string deliveryId, DateTimeOffset firstSent, CancellationToken cancellationToken);
}
