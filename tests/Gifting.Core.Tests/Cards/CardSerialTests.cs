using Gifting.Core.Cards;

namespace Gifting.Core.Tests.Cards;

public sealed class CardSerialTests
{
    [Theory]
    [InlineData("0123456789012345", true)]
    [InlineData("012345678901234", false)]
    [InlineData("01234567890123456", false)]
    [InlineData("012345678901234X", false)]
    [InlineData("X123456789012345", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsWellFormed_AcceptsSixteenAsciiDigitsOnly(string? serial, bool wellFormed)
    {
        Assert.Equal(wellFormed, CardSerial.IsWellFormed(serial));
    }
}
