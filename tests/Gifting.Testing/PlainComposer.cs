using Gifting.Core.Delivery;

namespace Gifting.Testing;

/// <summary>Messages that carry the code and the link and nothing else, for tests about delivery itself.</summary>
public sealed class PlainComposer : IGiftMessageComposer
{
    public EmailMessage ComposeEmail(string address, GiftContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = $"{content.Code.Display} {content.OneClickLink}";
        return new EmailMessage(address, content.RecipientName, $"A gift from {content.SenderName}", text, text);
    }

    public SmsMessage ComposeSms(string phone, GiftContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new SmsMessage(phone, $"{content.Code.Display} {content.OneClickLink}");
    }
}
