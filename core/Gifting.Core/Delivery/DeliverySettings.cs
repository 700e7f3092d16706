namespace Gifting.Core.Delivery;

/// <summary>
/// Where links point (<see cref="PublicBase"/>: <c>{base}/redeem?t=...</c>), how long a run's claim on a delivery
/// keeps others from sending it (<see cref="ClaimLease"/>: longer than one send, shorter than the queue's lock so a
/// redelivery after a crash finds it lapsed), and the least time between two deliveries of one line.
/// </summary>
public sealed record DeliverySettings(Uri PublicBase, TimeSpan ClaimLease, TimeSpan ResendGap)
{
    public static DeliverySettings Default { get; } =
        new(new Uri("http://127.0.0.1:7071/"), TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(30));

    public Uri LinkFor(string token) => new(PublicBase, "redeem?t=" + Uri.EscapeDataString(token));

    public Uri RedeemPage => new(PublicBase, "redeem");
}
