using Gifting.Functions.Responses;

namespace Gifting.Integration.Tests.Orders;

public sealed class RecipientMaskTests
{
    [Theory]
    [InlineData("ann@example.com", "a***@example.com")]
    [InlineData("a@b.co", "a***@b.co")]
    [InlineData("first.last+tag@mail.example.org", "f***@mail.example.org")]
    public void Email_ShowsItsFirstCharacterAndDomainOnly(string email, string masked) =>
        Assert.Equal(masked, OrderLineResponse.MaskEmail(email));

    [Theory]
    [InlineData("+15550100123", "+1******0123")]
    [InlineData("+12345678", "+1***5678")]
    [InlineData("+123456789012345", "+1**********2345")]
    public void Phone_ShowsItsFirstTwoAndLastFourCharactersOnly(string phone, string masked) =>
        Assert.Equal(masked, OrderLineResponse.MaskPhone(phone));
}
