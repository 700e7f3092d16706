using Gifting.Core.Orders;

namespace Gifting.Core.Delivery;

/// <summary>The one-click link token of an issued line, for its delivery to send.</summary>
public interface ILinkSource
{
    string TokenOf(GiftLine line);
}
