using Gifting.Functions.Delivery;

namespace Gifting.Integration.Tests.Delivery;

public sealed class SmsSegmentsTests
{
    [Fact]
    public void Count_OfBasicGsm7Text_CountsOneSeptetACharacter()
    {
        var count = SmsSegments.Count("Hello @ £5, Ñoño!");

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 17, 1), count);
    }

    [Fact]
    public void Count_OfExactly160BasicCharacters_IsOneSegment()
    {
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 160, 1), SmsSegments.Count(new string('a', 160)));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 161, 2), SmsSegments.Count(new string('a', 161)));
    }

    [Theory]
    [InlineData("€")]
    [InlineData("[")]
    [InlineData("]")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("^")]
    [InlineData("~")]
    [InlineData("\\")]
    [InlineData("|")]
    public void Count_OfAnExtensionCharacter_CountsTwoSeptets(string extension)
    {
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 2, 1), SmsSegments.Count(extension));
        Assert.Equal(2, SmsSegments.Count(new string('a', 159) + extension).Segments);
    }

    [Fact]
    public void Count_WithAnEmoji_IsUcs2CountingTheSurrogatePairAsTwo()
    {
        var count = SmsSegments.Count("Happy birthday 🎉");

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 17, 1), count);
    }

    [Fact]
    public void Count_WithOneCharacterOutsideGsm7_SendsTheWholeTextAsUcs2()
    {
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 70, 1), SmsSegments.Count("ë" + new string('a', 69)));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 71, 2), SmsSegments.Count("ë" + new string('a', 70)));
    }

    [Theory]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Count_OfLongGsm7Text_SplitsIntoPartsOf153(int length, int segments)
    {
        Assert.Equal(segments, SmsSegments.Count(new string('a', length)).Segments);
    }

    [Theory]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Count_OfLongUcs2Text_SplitsIntoPartsOf67(int length, int segments)
    {
        Assert.Equal(segments, SmsSegments.Count("ж" + new string('a', length - 1)).Segments);
    }

    [Fact]
    public void Count_NeverSplitsAnEscapeSequenceOrASurrogatePair()
    {
        // 152 septets and a two-septet € would end the first part mid-character, so € opens the second.
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 306, 3), SmsSegments.Count(new string('a', 152) + "€" +
            new string('a', 152)));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 134, 3), SmsSegments.Count(new string('ж', 66) + "🎉" +
            new string('ж', 66)));
    }
}
