using Gifting.Core;
using Gifting.Functions.Delivery;

namespace Gifting.Integration.Tests.Delivery;

public sealed class AmountFormatTests
{
    [Theory]
    [InlineData("US", "USD", 2500, "$25.00")]
    [InlineData("CA", "CAD", 2500, "$25.00")]
    [InlineData("MX", "MXN", 123456, "$1,234.56")]
    [InlineData("BR", "BRL", 123456, "R$\u00A01.234,56")]
    [InlineData("GB", "GBP", 2500, "£25.00")]
    [InlineData("DE", "EUR", 2500, "25,00\u00A0€")]
    [InlineData("DE", "EUR", 123456, "1.234,56\u00A0€")]
    [InlineData("FR", "EUR", 123456, "1\u202F234,56\u00A0€")]
    [InlineData("IT", "EUR", 2500, "25,00\u00A0€")]
    [InlineData("ES", "EUR", 123456, "1234,56\u00A0€")]
    [InlineData("ES", "EUR", 1234567, "12.345,67\u00A0€")]
    [InlineData("NL", "EUR", 2500, "€\u00A025,00")]
    [InlineData("SE", "SEK", 123456, "1\u00A0234,56\u00A0kr")]
    [InlineData("PL", "PLN", 2500, "25,00\u00A0zł")]
    [InlineData("JP", "JPY", 2500, "￥2,500")]
    [InlineData("JP", "JPY", 5, "￥5")]
    [InlineData("AU", "AUD", 2500, "$25.00")]
    [InlineData("IN", "INR", 100000000, "₹10,00,000.00")]
    [InlineData("SG", "SGD", 5, "$0.05")]
    [InlineData("US", "USD", 100000000, "$1,000,000.00")]
    public void Format_WritesTheAmountAsItsMarketplaceReadsMoney(
        string marketplace, string currency, long minor, string expected)
    {
        Assert.Equal(expected, AmountFormat.Format(new Core.Money(minor, currency), Marketplace.Parse(marketplace)));
    }

    [Fact]
    public void Format_OfAnAmountInAnotherCurrency_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            AmountFormat.Format(new Core.Money(2500, "USD"), Marketplace.Parse("GB")));
    }
}
