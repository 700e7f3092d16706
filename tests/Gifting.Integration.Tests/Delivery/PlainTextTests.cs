using Gifting.Functions.Delivery;

namespace Gifting.Integration.Tests.Delivery;

public sealed class PlainTextTests
{
    [Fact]
    public void Line_DropsControlsOverridesLineBreaksAndHalfSurrogates_KeepingMarksAndEmoji()
    {
        var line = PlainText.Line(" A\0l\r\ni\u0085c\u202Ee\u2066 \uD800🎉\u200F\tB\u2028 ");

        Assert.Equal("Alice 🎉\u200F B", line);
    }

    [Fact]
    public void Lines_KeepOneBlankLineBetweenParagraphsAndNoneAtTheEnds()
    {
        var lines = PlainText.Lines("\r\n\r\nHappy birthday!\r\n\r\n\r\n\rLove,\n  J  \n\n");

        Assert.Equal(["Happy birthday!", "", "Love,", "J"], lines);
    }

    [Fact]
    public void Lines_OfNothing_AreNone()
    {
        Assert.Empty(PlainText.Lines(null));
        Assert.Empty(PlainText.Lines(" \n\t\n "));
    }
}
