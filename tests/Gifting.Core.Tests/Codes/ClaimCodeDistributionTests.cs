using Gifting.Core.Codes;

namespace Gifting.Core.Tests.Codes;

public sealed class ClaimCodeDistributionTests
{
    private const int Samples = 1_000_000;

    /// <summary>
    /// The chi-square critical value for 31 degrees of freedom at p = 1e-6, computed from the regularised upper
    /// incomplete gamma function Q(15.5, x/2) = 1e-6: x = 83.64. (76 would be p = 1.2e-5.) With 15 positions tested
    /// the chance of a false alarm in one run is about 1.5e-5.
    /// </summary>
    private const double CriticalValue = 83.64;

    [Fact]
    public void Generate_MillionCodes_NeverCollideAndEverySymbolPositionIsUniform()
    {
        var seen = new HashSet<string>(Samples, StringComparer.Ordinal);
        var counts = new int[ClaimCode.Length, ClaimCode.Alphabet.Length];
        for (var i = 0; i < Samples; i++)
        {
            var code = ClaimCode.Generate().Normalized;
            Assert.True(seen.Add(code), "Two generated codes collided.");
            for (var position = 0; position < ClaimCode.Length; position++)
                counts[position, ClaimCode.Alphabet.IndexOf(code[position], StringComparison.Ordinal)]++;
        }

        // The check symbol is a bijection of the last random symbol given the others, so it is uniform too.
        const double expected = (double)Samples / 32;
        for (var position = 0; position < ClaimCode.Length; position++)
        {
            var chiSquare = 0.0;
            for (var symbol = 0; symbol < ClaimCode.Alphabet.Length; symbol++)
                chiSquare += Math.Pow(counts[position, symbol] - expected, 2) / expected;
            Assert.True(chiSquare < CriticalValue,
                $"Position {position}: chi-square {chiSquare:F1} >= {CriticalValue}.");
        }
    }
}
