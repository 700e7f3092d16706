using Gifting.Core.Delivery;

namespace Gifting.Functions.Delivery;

/// <summary>
/// A rendered text message and the segments it goes out in, which is what it costs. The text holds the code and
/// the link, so <see cref="ToString"/> gives only the count.
/// </summary>
public sealed record SmsRendering(SmsMessage Message, SmsSegmentCount Segments)
{
    public override string ToString() => $"SmsRendering {{ Segments = {Segments} }}";
}
