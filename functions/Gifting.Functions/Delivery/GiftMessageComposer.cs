using Gifting.Core.Delivery;

namespace Gifting.Functions.Delivery;

/// <summary>Core's composer of gift messages, rendered from the editable templates.</summary>
public sealed class GiftMessageComposer(GiftMessageRenderer renderer) : IGiftMessageComposer
{
    public EmailMessage ComposeEmail(string address, GiftContent content) => renderer.RenderEmail(content, address);

    public SmsMessage ComposeSms(string phone, GiftContent content) => renderer.RenderSms(content, phone).Message;
}
