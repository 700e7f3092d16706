using Gifting.Core.Codes;
using Gifting.Core.Tests.Support;

namespace Gifting.Core.Tests.Codes;

public sealed class ClaimCodeTests
{
    [Fact]
    public void Generate_ShowsCodeAsFourSixFiveGroups()
    {
        var code = ClaimCode.Generate();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]{5}$", code.Display);
        Assert.Equal(code.Normalized, code.Display.Replace("-", "", StringComparison.Ordinal));
        Assert.Equal(code.Normalized[^4..], code.Last4);
    }

    [Fact]
    public void ToString_HidesAllButLastFour()
    {
        var code = ClaimCode.Generate();

        Assert.Equal("****-******-*" + code.Last4, code.ToString());
        Assert.DoesNotContain(code.Normalized[..11], code.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenDisplayForm_ReturnsSameCode()
    {
        var code = ClaimCode.Generate();

        Assert.Equal(code.Normalized, ClaimCode.Parse(code.Display).Code?.Normalized);
    }

    [Theory]
    [InlineData("lower case")]
    [InlineData("spaces")]
    [InlineData("dashes")]
    [InlineData("mixed separators")]
    public void Parse_WhenTypedLoosely_NormalisesToSameCode(string form)
    {
        var code = ClaimCode.Generate();
        var typed = form switch
        {
            "lower case" => code.Display.ToLowerInvariant(),
            "spaces" => string.Join(' ', code.Normalized.Chunk(3).Select(c => new string(c))),
            "dashes" => string.Join('-', code.Normalized.Chunk(5).Select(c => new string(c))),
            _ => $" {code.Normalized[..4].ToLowerInvariant()} \u2013 "
                + $"{code.Normalized[4..10]}\t-{code.Normalized[10..]} ",
        };

        Assert.Equal(code.Normalized, ClaimCode.Parse(typed).Code?.Normalized);
    }

    [Theory]
    [InlineData('O', '0')]
    [InlineData('o', '0')]
    [InlineData('I', '1')]
    [InlineData('i', '1')]
    [InlineData('L', '1')]
    [InlineData('l', '1')]
    [InlineData('U', 'V')]
    [InlineData('u', 'V')]
    public void Parse_WhenLookAlikeTyped_ReadsItAsTheSymbolItResembles(char typed, char meant)
    {
        var code = FindCodeContaining(meant);
        var position = code.Normalized.IndexOf(meant, StringComparison.Ordinal);

        var parsed = ClaimCode.Parse(Mistype.Substitute(code.Normalized, position, typed));

        Assert.Equal(code.Normalized, parsed.Code?.Normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCD-EFGHJK-MNPQ")]
    [InlineData("ABCD-EFGHJK-MNPQRS")]
    [InlineData("ABCD-EFGHJK-MNPQ!")]
    [InlineData("ABCD_EFGHJK_MNPQR")]
    [InlineData("ÀBCD-EFGHJK-MNPQR")]
    [InlineData("ABCD-EFGHJK-MNPQ\u0000")]
    public void Parse_WhenMalformed_ReturnsMalformed(string input)
    {
        Assert.Equal(ClaimCodeParse.Malformed, ClaimCode.Parse(input));
    }

    [Fact]
    public void Parse_WhenInputIsAbsurdlyLong_ReturnsMalformed()
    {
        var code = ClaimCode.Generate();

        Assert.Equal(ClaimCodeParse.Malformed, ClaimCode.Parse(new string('A', 10_000)));
        Assert.Equal(ClaimCodeParse.Malformed, ClaimCode.Parse(code.Display + new string(' ', 10_000)));
        Assert.Equal(ClaimCodeParse.Malformed, ClaimCode.Parse(new string('-', 10_000)));
    }

    [Fact]
    public void Parse_WhenCodeIsPaddedWithinTheLimit_StillParses()
    {
        var code = ClaimCode.Generate();
        var padded = code.Display.PadLeft(ClaimCode.MaxInputLength);

        Assert.Equal(code.Normalized, ClaimCode.Parse(padded).Code?.Normalized);
    }

    [Fact]
    public void Parse_WhenOneSymbolIsMistyped_ReturnsLikelyTypo()
    {
        var code = ClaimCode.Generate();

        var parsed = ClaimCode.Parse(Mistype.OneSymbol(code));

        Assert.Null(parsed.Code);
        Assert.True(parsed.LikelyTypo);
    }

    [Fact]
    public void Parse_WhenTwoNeighboursAreSwapped_ReturnsLikelyTypo()
    {
        var code = FindCode(c => c.Normalized[5] != c.Normalized[6]);

        Assert.Equal(ClaimCodeParse.Typo, ClaimCode.Parse(Mistype.SwapWithNext(code.Normalized, 5)));
    }

    private static ClaimCode FindCodeContaining(char symbol) =>
        FindCode(c => c.Normalized.Contains(symbol, StringComparison.Ordinal));

    private static ClaimCode FindCode(Func<ClaimCode, bool> wanted)
    {
        while (true)
        {
            var code = ClaimCode.Generate();
            if (wanted(code)) return code;
        }
    }
}
