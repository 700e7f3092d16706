namespace Gifting.Core.Delivery;

/// <summary>Turns an e-gift into the email or SMS its recipient gets.</summary>
public interface IGiftMessageComposer
{
    EmailMessage ComposeEmail(string address, GiftContent content);

    SmsMessage ComposeSms(string phone, GiftContent content);
}
