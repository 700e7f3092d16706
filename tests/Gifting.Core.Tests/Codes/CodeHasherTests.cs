using Gifting.Core.Cards;
using Gifting.Core.Codes;
using Gifting.Testing;

namespace Gifting.Core.Tests.Codes;

public sealed class CodeHasherTests
{
    private static readonly HashKey V1 = CoreBuilder.NewKey(1);
    private static readonly HashKey V2 = CoreBuilder.NewKey(2);

    [Fact]
    public void Hash_WithSameKey_IsStable()
    {
        var code = ClaimCode.Generate().Normalized;

        Assert.Equal(new CodeHasher([V1], 1).Hash(CodePurpose.ClaimCode, code),
            new CodeHasher([V1], 1).Hash(CodePurpose.ClaimCode, code));
    }

    [Fact]
    public void Hash_DiffersPerKeyVersionAndNamesIt()
    {
        var code = ClaimCode.Generate().Normalized;

        var first = new CodeHasher([V1], 1).Hash(CodePurpose.ClaimCode, code);
        var second = new CodeHasher([V1, V2], 2).Hash(CodePurpose.ClaimCode, code);

        Assert.NotEqual(first, second);
        Assert.StartsWith("code-v1-", first, StringComparison.Ordinal);
        Assert.StartsWith("code-v2-", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_DiffersPerPurpose()
    {
        var hasher = new CodeHasher([V1], 1);

        Assert.NotEqual(hasher.Hash(CodePurpose.ClaimCode, "SECRET"), hasher.Hash(CodePurpose.LinkToken, "SECRET"));
    }

    [Fact]
    public void Candidates_AfterRotation_IncludeOldVersionsCurrentFirst()
    {
        var code = ClaimCode.Generate().Normalized;
        var before = new CodeHasher([V1], 1).Hash(CodePurpose.ClaimCode, code);
        var rotated = new CodeHasher([V1, V2], 2);

        var candidates = rotated.Candidates(CodePurpose.ClaimCode, code).ToList();

        Assert.Equal([rotated.Hash(CodePurpose.ClaimCode, code), before], candidates);
    }

    [Fact]
    public void Hash_NeverContainsTheCode()
    {
        var hasher = new CodeHasher([V1], 1);
        for (var i = 0; i < 1_000; i++)
        {
            var code = ClaimCode.Generate();
            var hash = hasher.Hash(CodePurpose.ClaimCode, code.Normalized);
            Assert.DoesNotContain(code.Normalized, hash, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Constructor_RefusesShortKeysAndAMissingCurrentVersion()
    {
        Assert.Throws<ArgumentException>(() => new CodeHasher([new HashKey(1, new byte[16])], 1));
        Assert.Throws<ArgumentException>(() => new CodeHasher([V1], 2));
        Assert.Throws<ArgumentException>(() => new CodeHasher([], 1));
    }
}
