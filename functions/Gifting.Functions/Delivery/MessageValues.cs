using Gifting.Core.Delivery;
using Fluid;
using Fluid.Values;

namespace Gifting.Functions.Delivery;

/// <summary>
/// The variables a template sees, every one of them a string, a flag or a list of strings, so a template reaches
/// nothing of the app but these. The buyer's words are cleaned here once (<see cref="PlainText"/>); escaping is the
/// encoder's, and only the HTML body has one.
/// </summary>
internal sealed record MessageValues(
    string SenderName,
    string RecipientName,
    IReadOnlyList<string> MessageLines,
    string Amount,
    string Code,
    string Link,
    string RedeemPage)
{
    /// <summary>Who a gift is from when the buyer's name for it cleans away to nothing.</summary>
    public const string UnnamedSender = "Someone";

    public static MessageValues From(GiftContent gift)
    {
        var sender = PlainText.Line(gift.SenderName);
        return new(
            sender.Length > 0 ? sender : UnnamedSender,
            PlainText.Line(gift.RecipientName),
            PlainText.Lines(gift.Message),
            AmountFormat.Format(gift.Amount, gift.Marketplace),
            gift.Code.Display,
            WebAddress(gift.OneClickLink, nameof(gift.OneClickLink)),
            WebAddress(gift.RedeemPage, nameof(gift.RedeemPage)));
    }

    public TemplateContext ToContext(TemplateOptions options)
    {
        var context = new TemplateContext(options);
        context.SetValue("sender_name", new StringValue(SenderName));
        context.SetValue("recipient_name", new StringValue(RecipientName));
        context.SetValue("has_message", BooleanValue.Create(MessageLines.Count > 0));
        context.SetValue("message_lines",
            new ArrayValue([.. MessageLines.Select(line => (FluidValue)new StringValue(line))]));
        context.SetValue("amount", new StringValue(Amount));
        context.SetValue("code", new StringValue(Code));
        context.SetValue("link", new StringValue(Link));
        context.SetValue("redeem_page", new StringValue(RedeemPage));
        return context;
    }

    // Only the app's own addresses reach a message, but an href is where a javascript: URL would do harm.
    private static string WebAddress(Uri address, string name)
    {
        if (!address.IsAbsoluteUri || address.Scheme is not ("https" or "http"))
            throw new ArgumentException("A message links only to an absolute http(s) address.", name);
        return address.AbsoluteUri;
    }
}
