using Gifting.Core.Codes;
using Gifting.Core.Delivery;
using Gifting.Core.Orders;

namespace Gifting.Core.Links;

/// <summary>
/// A line's one-click link token: drawn and sealed on the line when its code is, entered in the link index under its
/// HMAC before the line is issued, and opened from the line for each delivery and resend.
/// </summary>
public sealed class LinkTokens(CodeCipher cipher, CodeHasher hasher, LinkLimits limits) : ILinkSource
{
    /// <summary>The token of an issued line, for its <c>/redeem?t=</c> link.</summary>
    public string Open(GiftLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sealedLink = line.SealedLink ?? throw new InvalidOperationException(
            $"Line {line.LineId} of order {line.OrderId} holds no link.");
        return LinkToken.Encode(cipher.DecryptToken(sealedLink, line.LinkOwner));
    }

    public string TokenOf(GiftLine line) => Open(line);

    /// <summary>A new token for <paramref name="line"/>, sealed to it, expiring one lifetime after now.</summary>
    public GiftLine Draw(GiftLine line, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(line);
        var token = LinkToken.Generate();
        try
        {
            return line with
            {
                SealedLink = cipher.EncryptToken(token, line.LinkOwner), LinkExpiresAt = now + limits.Lifetime,
            };
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(token);
        }
    }

    /// <summary>The index entry of a line whose card was created: its code hash under the token's HMAC.</summary>
    public LinkEntry EntryOf(GiftLine line, LineRef at)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new LinkEntry(hasher.Hash(CodePurpose.LinkToken, Open(line)), line.CodeHash!, at,
            line.LinkExpiresAt ?? throw new InvalidOperationException($"Line {line.LineId} has no link expiry."));
    }
}
