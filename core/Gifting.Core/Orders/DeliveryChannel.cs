namespace Gifting.Core.Orders;

/// <summary>How a line's gift reaches its recipient.</summary>
public enum DeliveryChannel
{
    Email,
    Sms,
}
