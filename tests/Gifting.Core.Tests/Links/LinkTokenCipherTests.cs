using System.Security.Cryptography;
using Gifting.Core.Codes;
using Gifting.Core.Links;
using Gifting.Testing;

namespace Gifting.Core.Tests.Links;

public sealed class LinkTokenCipherTests
{
    private const string Owner = "link:order-line:order-1:00042";
    private static readonly CodeCipher Cipher =
        new([new EncryptionKey(1, RandomNumberGenerator.GetBytes(32))], 1, [CoreBuilder.NewKey(1)]);

    [Fact]
    public void DecryptToken_OfWhatWasEncrypted_IsTheSameSixteenBytes()
    {
        var token = LinkToken.Generate();

        var sealedToken = Cipher.EncryptToken(token, Owner);

        Assert.Equal(token, Cipher.DecryptToken(sealedToken, Owner));
        Assert.Equal(16, sealedToken.Ciphertext.Length);
        Assert.NotEqual(token, sealedToken.Ciphertext);
    }

    [Fact]
    public void DecryptToken_UnderAnotherOwnerOrAltered_Throws()
    {
        var sealedToken = Cipher.EncryptToken(LinkToken.Generate(), Owner);
        var altered = sealedToken with { Ciphertext = (byte[])sealedToken.Ciphertext.Clone() };
        altered.Ciphertext[3] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => Cipher.DecryptToken(sealedToken, "order-line:order-1:00042"));
        Assert.ThrowsAny<CryptographicException>(() => Cipher.DecryptToken(altered, Owner));
    }

    [Fact]
    public void EncryptToken_OfAnotherLength_IsRefused_AndASealedCodeDoesNotOpenAsAToken()
    {
        var sealedCode = Cipher.Encrypt(ClaimCode.Generate(), Owner);

        Assert.Throws<ArgumentException>(() => Cipher.EncryptToken(new byte[15], Owner));
        Assert.Throws<CryptographicException>(() => Cipher.DecryptToken(sealedCode, Owner));
    }

    [Fact]
    public void Encode_OfATokensBytes_IsTwentyTwoBase64UrlCharacters()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => LinkToken.Encode(LinkToken.Generate())).ToList();

        Assert.All(tokens, t => Assert.True(LinkToken.IsWellFormed(t), t.Length.ToString()));
        Assert.Equal(200, tokens.Distinct().Count());
        Assert.False(LinkToken.IsWellFormed(tokens[0] + "="));
        Assert.False(LinkToken.IsWellFormed(tokens[0][..21] + "+"));
        Assert.False(LinkToken.IsWellFormed(null));
    }
}
