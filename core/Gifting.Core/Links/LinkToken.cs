using System.Buffers.Text;
using System.Security.Cryptography;
using Gifting.Core.Codes;

namespace Gifting.Core.Links;

/// <summary>
/// A one-click link's token: <see cref="CodeCipher.TokenSize"/> bytes from a CSPRNG (128 bits), written as base64url
/// without padding, 22 characters. It is no function of the claim code, so a link that leaks gives away no code.
/// </summary>
public static class LinkToken
{
    public const int Length = 22;

    public static byte[] Generate() => RandomNumberGenerator.GetBytes(CodeCipher.TokenSize);

    public static string Encode(ReadOnlySpan<byte> token) => Base64Url.EncodeToString(token);

    /// <summary>
    /// Whether <paramref name="input"/> has a token's shape: 22 base64url characters. The token is hashed as it was
    /// written, so a character changed anywhere, even in the last one's unused bits, names no token.
    /// </summary>
    public static bool IsWellFormed(string? input)
    {
        if (input is not { Length: Length }) return false;
        foreach (var c in input)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_')) return false;
        }
        return true;
    }
}
