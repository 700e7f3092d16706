using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Gifting.Core.Codes;
using Microsoft.Extensions.Options;

namespace Gifting.Functions;

/// <summary>
/// The versioned AES keys that seal codes kept for delivery. From Key Vault in Azure; never an HMAC key of
/// <see cref="ClaimCodeOptions"/>.
/// </summary>
public sealed class CodeEncryptionOptions
{
    public const string Section = "Codes";

    [Range(1, int.MaxValue)]
    public int CurrentEncryptionKeyVersion { get; set; } = 1;

    public List<VersionedKey> EncryptionKeys { get; set; } = [];

    public CodeCipher CreateCipher(IEnumerable<HashKey> hashKeys) => new(
        EncryptionKeys.Select(k => new EncryptionKey(k.Version, Convert.FromBase64String(k.Key))),
        CurrentEncryptionKeyVersion, hashKeys);

    /// <summary>One entry of <c>Codes:EncryptionKeys</c>.</summary>
    public sealed class VersionedKey
    {
        [Range(1, int.MaxValue)]
        public int Version { get; set; }

        /// <summary>Base64 of exactly 32 bytes.</summary>
        public string Key { get; set; } = "";
    }
}

public static class CodeEncryptionRegistration
{
    /// <summary>
    /// The cipher, from <c>Codes</c>, checked at start-up against the HMAC keys of <c>ClaimCodes</c>.
    /// </summary>
    public static IServiceCollection AddCodeEncryption(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CodeEncryptionOptions>().Bind(configuration.GetSection(CodeEncryptionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CodeEncryptionOptions>, CodeEncryptionOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CodeEncryptionOptions>>().Value.CreateCipher(
            CodeEncryptionOptionsValidator.HashKeys(sp.GetRequiredService<IOptions<ClaimCodeOptions>>().Value)));
        return services;
    }
}

/// <summary>
/// Refuses to start on keys the cipher would refuse: malformed, missing the current version, or equal to an HMAC key.
/// Messages name versions only, never key material.
/// </summary>
public sealed class CodeEncryptionOptionsValidator(IOptions<ClaimCodeOptions> claimCodes)
    : IValidateOptions<CodeEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, CodeEncryptionOptions options)
    {
        var malformed = options.EncryptionKeys
            .Where(k => k.Version < 1 || !IsKey(k.Key))
            .Select(k => $"{CodeEncryptionOptions.Section}:EncryptionKeys (version {k.Version}) needs a version of " +
                $"at least 1 and base64 of exactly {CodeCipher.KeySize} bytes.")
            .ToList();
        if (malformed.Count > 0) return ValidateOptionsResult.Fail(malformed);
        try
        {
            options.CreateCipher(HashKeys(claimCodes.Value));
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"{CodeEncryptionOptions.Section}:EncryptionKeys: {e.Message}");
        }
    }

    internal static IEnumerable<HashKey> HashKeys(ClaimCodeOptions options) => options.Keys
        .Where(k => int.TryParse(k.Key, CultureInfo.InvariantCulture, out _) && IsBase64(k.Value))
        .Select(k => new HashKey(int.Parse(k.Key, CultureInfo.InvariantCulture), Convert.FromBase64String(k.Value)));

    private static bool IsKey(string value)
    {
        Span<byte> buffer = stackalloc byte[CodeCipher.KeySize + 3];
        return Convert.TryFromBase64String(value, buffer, out var length) && length == CodeCipher.KeySize;
    }

    private static bool IsBase64(string value)
    {
        Span<byte> buffer = stackalloc byte[256];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}
