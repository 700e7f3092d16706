using Gifting.Core.Delivery;
using Gifting.Core.Orders;

namespace Gifting.Testing;

/// <summary>A link token named by its line, for tests about delivery rather than links.</summary>
public sealed class LineIdLinks : ILinkSource
{
    public string TokenOf(GiftLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return $"token-{line.OrderId}-{line.LineId}";
    }
}
