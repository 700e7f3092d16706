using Gifting.Core;
using Gifting.Functions.Delivery;

namespace Gifting.Integration.Tests.Delivery;

public sealed class GiftSmsTests
{
    [Fact]
    public void Sms_ForATypicalUsGift_IsOneGsm7SegmentWithTheCodeAndLinkOnce()
    {
        var gift = Gifts.Us(sender: "Jordan Avery Collins");

        var sms = Gifts.Shipped.RenderSms(gift, "+15555550100");

        Assert.Equal(60, gift.OneClickLink.AbsoluteUri.Length);
        Assert.Equal(
            $"Jordan Avery Collins sent you a $25.00 gift card. Code {gift.Code.Display} Redeem: {Gifts.Link}",
            sms.Message.Text);
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, sms.Message.Text.Length, 1), sms.Segments);
        Assert.Equal(1, Gifts.Occurrences(sms.Message.Text, gift.Code.Display));
        Assert.Equal(1, Gifts.Occurrences(sms.Message.Text, gift.OneClickLink.AbsoluteUri));
        Assert.Equal("+15555550100", sms.Message.To);
    }

    [Fact]
    public void Sms_WithASenderNameTooLongForOneSegment_CutsTheNameToFit()
    {
        var gift = Gifts.Us(sender: "Maximilian Alexander Montgomery-Worthington of Accounts Payable");

        var sms = Gifts.Shipped.RenderSms(gift, "+15555550100");

        Assert.Equal(1, sms.Segments.Segments);
        Assert.Equal(SmsSegments.Gsm7Single, sms.Segments.Units);
        Assert.StartsWith("Maximilian Alexander", sms.Message.Text, StringComparison.Ordinal);
        Assert.EndsWith($" sent you a $25.00 gift card. Code {gift.Code.Display} Redeem: {Gifts.Link}",
            sms.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sms_WithANameOutsideGsm7_IsUcs2AndKeepsTheWholeNameWhenNoCutFits()
    {
        var gift = Gifts.Us(sender: "Zoë Kowalczyk-Brontë");

        var sms = Gifts.Shipped.RenderSms(gift, "+15555550100");

        // The code and link alone are 77 characters, so no cut name fits 70: the whole name goes, in two parts.
        Assert.Equal(SmsEncoding.Ucs2, sms.Segments.Encoding);
        Assert.Equal(3, sms.Segments.Segments);
        Assert.StartsWith("Zoë Kowalczyk-Brontë sent you", sms.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sms_WhenNoCutNameFitsOneSegment_KeepsTheWholeNameAndNeverCutsTheLink()
    {
        var longLink = new Uri("https://gifts.example.com/redeem?t=" + new string('A', 100));
        var gift = Gifts.Us(sender: "Jordan Avery Collins", link: longLink);

        var sms = Gifts.Shipped.RenderSms(gift, "+15555550100");

        Assert.Equal(2, sms.Segments.Segments);
        Assert.Equal($"Jordan Avery Collins sent you a $25.00 gift card. Code {gift.Code.Display} Redeem: {longLink}",
            sms.Message.Text);
    }

    [Theory]
    [InlineData("JP", "JPY", 2500, "¥2,500")]
    [InlineData("DE", "EUR", 2500, "25,00 €")]
    [InlineData("FR", "EUR", 123456, "1 234,56 €")]
    [InlineData("SE", "SEK", 123456, "1 234,56 kr")]
    public void Sms_WritesTheAmountInGsm7SoItStaysOneSegment(
        string marketplace, string currency, long minor, string amount)
    {
        var gift = Gifts.Us(sender: "Jordan Avery Collins") with
        {
            Marketplace = Marketplace.Parse(marketplace), Amount = new Core.Money(minor, currency),
        };

        var sms = Gifts.Shipped.RenderSms(gift, "+819012345678");

        Assert.StartsWith($"Jordan Avery Collins sent you a {amount} gift card.", sms.Message.Text,
            StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Gsm7, sms.Segments.Encoding);
        Assert.Equal(1, sms.Segments.Segments);
    }
}
