using Gifting.Core.Delivery;
using Gifting.Core;
using Gifting.Core.Codes;
using Gifting.Functions.Delivery;

namespace Gifting.Integration.Tests.Delivery;

/// <summary>Gift messages for the rendering tests, and the renderer over the templates the app ships.</summary>
internal static class Gifts
{
    public static readonly GiftMessageRenderer Shipped = GiftMessageRenderer.Load(MessageTemplates.DefaultFolder);

    /// <summary>A 60-character one-click link, as long as the app's own are.</summary>
    public static readonly Uri Link = new("https://gifts.example.com/redeem?t=AbCdEfGhIjKlMnOpQrStUvWxY");

    public static readonly Uri RedeemPage = new("https://gifts.example.com/redeem");

    public static GiftContent Us(string sender = "Jordan Avery Collins", string? message = "Happy birthday!",
        string recipient = "Sam Rivera", long cents = 2500, Uri? link = null) =>
        new(sender, message, recipient, new Core.Money(cents, "USD"), Marketplace.Parse("US"), ClaimCode.Generate(),
            link ?? Link, RedeemPage);

    public static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
