using System.Security.Cryptography;
using System.Text;

namespace Gifting.Infra.Communication;

/// <summary>
/// The id under which ACS recognises a repeated send: a GUID derived from the delivery id alone, so every attempt
/// at one delivery, from any instance and after any crash, carries the same one.
/// </summary>
public static class RepeatabilityId
{
    private const string Purpose = "gifting:acs-repeatability:";

    public static Guid For(string deliveryId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(Purpose + deliveryId), hash);
        // RFC 9562 version 8 (application-defined) with the RFC variant, so it is a well-formed UUID to any parser.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>The RFC 1123 form ACS expects of a first-sent time, in UTC.</summary>
    public static string FirstSent(DateTimeOffset firstSent) =>
        firstSent.ToUniversalTime().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
}
