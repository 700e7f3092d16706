using System.Security.Cryptography;
using Gifting.Core.Codes;
using Gifting.Testing;

namespace Gifting.Core.Tests.Codes;

public sealed class CodeCipherTests
{
    private const string Line = "order-1:line-00042";
    private static readonly EncryptionKey V1 = new(1, RandomNumberGenerator.GetBytes(32));
    private static readonly EncryptionKey V2 = new(2, RandomNumberGenerator.GetBytes(32));
    private static readonly HashKey Hmac = CoreBuilder.NewKey(1);

    [Fact]
    public void Decrypt_OfWhatWasEncrypted_IsTheSameCode()
    {
        var cipher = new CodeCipher([V1], 1, [Hmac]);
        var code = ClaimCode.Generate();

        var sealedCode = cipher.Encrypt(code, Line);

        Assert.Equal(code.Normalized, cipher.Decrypt(sealedCode, Line).Normalized);
        Assert.Equal((1, 12, 15, 16),
            (sealedCode.KeyVersion, sealedCode.Nonce.Length, sealedCode.Ciphertext.Length, sealedCode.Tag.Length));
    }

    [Fact]
    public void Encrypt_TwiceOfOneCode_UsesFreshNoncesAndNeverShowsTheCode()
    {
        var cipher = new CodeCipher([V1], 1, [Hmac]);
        var code = ClaimCode.Generate();

        var first = cipher.Encrypt(code, Line);
        var second = cipher.Encrypt(code, Line);

        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
        Assert.NotEqual(System.Text.Encoding.ASCII.GetBytes(code.Normalized), first.Ciphertext);
    }

    [Fact]
    public void Decrypt_AfterRotation_OpensCodesSealedUnderTheOldKey()
    {
        var code = ClaimCode.Generate();
        var beforeRotation = new CodeCipher([V1], 1, [Hmac]).Encrypt(code, Line);
        var rotated = new CodeCipher([V1, V2], 2, [Hmac]);

        var afterRotation = rotated.Encrypt(code, Line);

        Assert.Equal(2, afterRotation.KeyVersion);
        Assert.Equal(code.Normalized, rotated.Decrypt(beforeRotation, Line).Normalized);
        Assert.Equal(code.Normalized, rotated.Decrypt(afterRotation, Line).Normalized);
    }

    [Fact]
    public void Decrypt_UnderARemovedKeyVersion_Fails()
    {
        var sealedCode = new CodeCipher([V1], 1, [Hmac]).Encrypt(ClaimCode.Generate(), Line);

        Assert.ThrowsAny<CryptographicException>(() => new CodeCipher([V2], 2, [Hmac]).Decrypt(sealedCode, Line));
    }

    [Theory]
    [InlineData("nonce")]
    [InlineData("ciphertext")]
    [InlineData("tag")]
    public void Decrypt_OfATamperedPart_Fails(string part)
    {
        var cipher = new CodeCipher([V1], 1, [Hmac]);
        var sealedCode = cipher.Encrypt(ClaimCode.Generate(), Line);
        var flipped = part switch
        {
            "nonce" => sealedCode.Nonce,
            "ciphertext" => sealedCode.Ciphertext,
            _ => sealedCode.Tag,
        };
        flipped[3] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(sealedCode, Line));
    }

    [Fact]
    public void Decrypt_WithAnotherLineAsAssociatedData_Fails()
    {
        var cipher = new CodeCipher([V1], 1, [Hmac]);
        var sealedCode = cipher.Encrypt(ClaimCode.Generate(), Line);

        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(sealedCode, "order-1:line-00043"));
    }

    [Fact]
    public void Decrypt_UnderAnotherKeyOfTheSameVersion_Fails()
    {
        var sealedCode = new CodeCipher([V1], 1, [Hmac]).Encrypt(ClaimCode.Generate(), Line);
        var other = new CodeCipher([new EncryptionKey(1, RandomNumberGenerator.GetBytes(32))], 1, [Hmac]);

        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(sealedCode, Line));
    }

    [Fact]
    public void Constructor_WhenAnEncryptionKeyEqualsAnHmacKey_Refuses()
    {
        var shared = new HashKey(3, V2.Secret.ToArray());

        var error = Assert.Throws<ArgumentException>(() => new CodeCipher([V1, V2], 1, [Hmac, shared]));

        Assert.Contains("Encryption key 2 equals hash key 3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(V2.Secret), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void Constructor_WithAKeyNotOf32Bytes_Refuses(int size) =>
        Assert.Throws<ArgumentException>(() =>
            new CodeCipher([new EncryptionKey(1, RandomNumberGenerator.GetBytes(size))], 1, [Hmac]));

    [Fact]
    public void Constructor_WithoutTheCurrentVersion_Refuses() =>
        Assert.Throws<ArgumentException>(() => new CodeCipher([V1], 2, [Hmac]));

    [Fact]
    public void Constructor_WithOneVersionTwice_Refuses() =>
        Assert.Throws<ArgumentException>(() =>
            new CodeCipher([V1, new EncryptionKey(1, RandomNumberGenerator.GetBytes(32))], 1, [Hmac]));
}
