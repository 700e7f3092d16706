using System.ComponentModel.DataAnnotations;
using Gifting.Core.Codes;

namespace Gifting.Functions;

/// <summary>The versioned HMAC keys claim codes and link tokens are stored under. From Key Vault in Azure.</summary>
public sealed class ClaimCodeOptions : IValidatableObject
{
    public const string Section = "ClaimCodes";

    [Range(1, int.MaxValue)]
    public int CurrentVersion { get; set; } = 1;

    /// <summary>Key version to base64 secret of at least 32 bytes.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Keys.ContainsKey(CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            yield return new ValidationResult(
                $"ClaimCodes:Keys has no key for the current version {CurrentVersion}.", [nameof(Keys)]);
        foreach (var (version, secret) in Keys)
        {
            if (!int.TryParse(version, out _) || !IsStrongKey(secret))
                yield return new ValidationResult(
                    $"ClaimCodes:Keys:{version} must be a numeric version with a base64 secret of at least 32 bytes.",
                    [nameof(Keys)]);
        }
    }

    public CodeHasher CreateHasher() => new(
        Keys.Select(k => new HashKey(
            int.Parse(k.Key, System.Globalization.CultureInfo.InvariantCulture), Convert.FromBase64String(k.Value))),
        CurrentVersion);

    private static bool IsStrongKey(string secret)
    {
        Span<byte> buffer = stackalloc byte[256];
        return Convert.TryFromBase64String(secret, buffer, out var length) && length >= 32;
    }
}
