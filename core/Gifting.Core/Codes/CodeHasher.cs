using System.Security.Cryptography;
using System.Text;

namespace Gifting.Core.Codes;

/// <summary>A secret HMAC key and its version; codes and tokens are stored only as HMACs under one of these.</summary>
public sealed record HashKey(int Version, byte[] Secret);

/// <summary>
/// Keyed hashes of secrets (claim codes, link tokens). The current key hashes new secrets; older keys stay to find
/// secrets hashed before a rotation. A hash names its key version, so a lookup never guesses.
/// </summary>
public sealed class CodeHasher
{
    private readonly HashKey[] _keys;

    public CodeHasher(IEnumerable<HashKey> keys, int currentVersion)
    {
        _keys = keys.OrderByDescending(k => k.Version == currentVersion).ThenByDescending(k => k.Version).ToArray();
        if (_keys.Length == 0 || _keys[0].Version != currentVersion)
            throw new ArgumentException($"No key with the current version {currentVersion}.", nameof(keys));
        if (_keys.Any(k => k.Secret.Length < 32))
            throw new ArgumentException("Every hash key needs at least 32 bytes.", nameof(keys));
    }

    /// <summary>The hash to store for a new secret.</summary>
    public string Hash(string purpose, string secret) => Hash(_keys[0], purpose, secret);

    /// <summary>Every hash the secret could have been stored under, current key first.</summary>
    public IEnumerable<string> Candidates(string purpose, string secret) => _keys.Select(k => Hash(k, purpose, secret));

    private static string Hash(HashKey key, string purpose, string secret)
    {
        Span<byte> mac = stackalloc byte[32];
        var input = Encoding.UTF8.GetBytes($"{purpose}:{secret}");
        HMACSHA256.HashData(key.Secret, input, mac);
        return $"{purpose}-v{key.Version}-{Convert.ToHexStringLower(mac)}";
    }
}
