using System.Net;
using Gifting.Core;
using Gifting.Functions.Delivery;

namespace Gifting.Integration.Tests.Delivery;

public sealed class GiftMessageRendererTests
{
    private const string Hostile = "<script>alert('x')</script> \"Bo&b\"\0\u202Eevil\u200F\u0007";

    [Fact]
    public void Email_WithHostileNamesAndMessage_EscapesThemInHtml()
    {
        var email = Gifts.Shipped.RenderEmail(Gifts.Us(sender: Hostile, message: Hostile, recipient: Hostile), "a@b.c");

        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Bo&b\"", email.Html, StringComparison.Ordinal);
        // The sender twice (title and headline), the recipient in the greeting, the message in its quote.
        Assert.Equal(4, Gifts.Occurrences(email.Html, "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"));
        Assert.Contains("&quot;Bo&amp;b&quot;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(email.Html, c => c is '\0' or '\u202E' or '\u0007');
    }

    [Fact]
    public void Email_WithHostileNamesAndMessage_KeepsThemAsTextWithoutControlCharactersInText()
    {
        var email = Gifts.Shipped.RenderEmail(Gifts.Us(sender: Hostile, message: Hostile, recipient: Hostile), "a@b.c");

        Assert.Contains("<script>alert('x')</script> \"Bo&b\"evil", email.Text, StringComparison.Ordinal);
        Assert.Equal("<script>alert('x')</script> \"Bo&b\"evil\u200F sent you a $25.00 gift card", email.Subject);
        Assert.Equal("<script>alert('x')</script> \"Bo&b\"evil\u200F", email.ToName);
        foreach (var text in new[] { email.Text, email.Subject, email.ToName })
            Assert.DoesNotContain(text, c => (char.IsControl(c) && c != '\n') || c == '\u202E');
    }

    [Fact]
    public void Sms_WithAHostileSender_StripsControlCharactersAndLeavesOutTheMessage()
    {
        var gift = Gifts.Us(sender: "Bo\0b\n\u202E<b>", message: "Secret words");

        var sms = Gifts.Shipped.RenderSms(gift, "+15555550100");

        Assert.StartsWith("Bob<b> sent you a $25.00 gift card.", sms.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", sms.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(sms.Message.Text, char.IsControl);
    }

    [Fact]
    public void Email_ShowsTheCodeAndTheLinkExactlyOnceInEachBody_TheLinkAsTheButtonsHref()
    {
        var gift = Gifts.Us();

        var email = Gifts.Shipped.RenderEmail(gift, "sam@example.com");

        Assert.Equal(1, Gifts.Occurrences(email.Html, gift.Code.Display));
        Assert.Equal(1, Gifts.Occurrences(email.Html, gift.OneClickLink.AbsoluteUri));
        Assert.Contains($"<a href=\"{gift.OneClickLink.AbsoluteUri}\"", email.Html, StringComparison.Ordinal);
        Assert.Equal(1, Gifts.Occurrences(email.Text, gift.Code.Display));
        Assert.Equal(1, Gifts.Occurrences(email.Text, gift.OneClickLink.AbsoluteUri));
        Assert.DoesNotContain(gift.Code.Display, email.Subject, StringComparison.Ordinal);
        Assert.Equal(("sam@example.com", "Sam Rivera"), (email.To, email.ToName));
    }

    [Fact]
    public void Email_SaysWhoSentHowMuchHowToRedeemByHandThatItNeverExpiresAndWarnsOfScams()
    {
        var email = Gifts.Shipped.RenderEmail(Gifts.Us(message: "Happy birthday!\r\n\r\nLove, J"), "a@b.c");

        Assert.Equal("Jordan Avery Collins sent you a $25.00 gift card", email.Subject);
        foreach (var body in new[] { email.Html, email.Text })
        {
            Assert.Contains("Jordan Avery Collins", body, StringComparison.Ordinal);
            Assert.Contains("$25.00", body, StringComparison.Ordinal);
            Assert.Contains("Happy birthday!", body, StringComparison.Ordinal);
            Assert.Contains("Love, J", body, StringComparison.Ordinal);
            Assert.Contains(Gifts.RedeemPage.AbsoluteUri, body, StringComparison.Ordinal);
            Assert.Contains("sign in and type the code", body, StringComparison.Ordinal);
            Assert.Contains("never expires", body, StringComparison.Ordinal);
            Assert.Contains("pay them in gift cards", body, StringComparison.Ordinal);
        }
        Assert.Contains("Happy birthday!<br><br>Love, J", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Email_WithoutAMessage_LeavesOutTheQuote()
    {
        var email = Gifts.Shipped.RenderEmail(Gifts.Us(message: " \n "), "a@b.c");

        Assert.DoesNotContain("<blockquote", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote:", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GB", "GBP", 2500, "£25.00")]
    [InlineData("DE", "EUR", 2500, "25,00\u00A0€")]
    [InlineData("JP", "JPY", 2500, "￥2,500")]
    public void Email_WritesTheAmountForTheMarketplace(string marketplace, string currency, long minor, string amount)
    {
        var gift = Gifts.Us() with
        {
            Marketplace = Marketplace.Parse(marketplace), Amount = new Core.Money(minor, currency),
        };

        var email = Gifts.Shipped.RenderEmail(gift, "a@b.c");

        Assert.Equal($"Jordan Avery Collins sent you a {amount} gift card", email.Subject);
        Assert.Contains(amount, email.Text, StringComparison.Ordinal);
        Assert.Contains(amount, WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithAScriptLink_Throws()
    {
        var gift = Gifts.Us(link: new Uri("javascript:alert(1)"));

        Assert.Throws<ArgumentException>(() => Gifts.Shipped.RenderEmail(gift, "a@b.c"));
    }

    [Fact]
    public void GiftAndSms_WhenPrinted_NameNeitherTheCodeNorTheLink()
    {
        var gift = Gifts.Us();

        var printed = gift.ToString();

        Assert.DoesNotContain(gift.Code.Display, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(gift.Code.Normalized, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("redeem?t=", printed, StringComparison.Ordinal);
        var sms = Gifts.Shipped.RenderSms(gift, "+15555550100").ToString();
        Assert.DoesNotContain(gift.Code.Display, sms, StringComparison.Ordinal);
        Assert.DoesNotContain("redeem?t=", sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_FromASenderWhoseNameCleansToNothing_IsFromSomeone()
    {
        var email = Gifts.Shipped.RenderEmail(Gifts.Us(sender: "\0\u202E "), "a@b.c");

        Assert.Equal("Someone sent you a $25.00 gift card", email.Subject);
    }
}
