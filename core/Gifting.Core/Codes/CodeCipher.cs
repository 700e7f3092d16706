using System.Security.Cryptography;
using System.Text;

namespace Gifting.Core.Codes;

/// <summary>
/// Seals a claim code or link token that delivery must be able to send again (AES-256-GCM), bound to what owns it by
/// the associated data, so a sealed code copied onto another line does not open there. The current key seals; every
/// configured key opens what it sealed, so codes sealed before a rotation still open. The keys are never the HMAC
/// keys that codes are looked up by: a key shared between the two uses would let one leak undo both.
/// </summary>
public sealed class CodeCipher
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>A link token's length in bytes: 128 bits.</summary>
    public const int TokenSize = 16;

    private readonly Dictionary<int, byte[]> _keys;
    private readonly int _currentVersion;

    public CodeCipher(IEnumerable<EncryptionKey> keys, int currentVersion, IEnumerable<HashKey> hashKeys)
    {
        _keys = [];
        foreach (var key in keys)
        {
            if (key.Secret.Length != KeySize)
                throw new ArgumentException($"Encryption key {key.Version} must be {KeySize} bytes.", nameof(keys));
            if (!_keys.TryAdd(key.Version, key.Secret.ToArray()))
                throw new ArgumentException($"Encryption key {key.Version} is given twice.", nameof(keys));
        }
        if (!_keys.ContainsKey(currentVersion))
            throw new ArgumentException($"No encryption key with the current version {currentVersion}.", nameof(keys));
        foreach (var hashKey in hashKeys)
        {
            foreach (var (version, secret) in _keys)
            {
                if (CryptographicOperations.FixedTimeEquals(secret, hashKey.Secret))
                    throw new ArgumentException(
                        $"Encryption key {version} equals hash key {hashKey.Version}; each use needs its own key.",
                        nameof(hashKeys));
            }
        }
        _currentVersion = currentVersion;
    }

    /// <summary>Seals <paramref name="code"/> under the current key, bound to <paramref name="owner"/>.</summary>
    public EncryptedCode Encrypt(ClaimCode code, string owner)
    {
        var plaintext = Encoding.ASCII.GetBytes(code.Normalized);
        try
        {
            return Seal(plaintext, owner);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>
    /// Seals a link token's <see cref="TokenSize"/> bytes under the current key, bound to <paramref name="owner"/>,
    /// which must differ from any claim code's owner so neither opens as the other.
    /// </summary>
    public EncryptedCode EncryptToken(ReadOnlySpan<byte> token, string owner)
    {
        if (token.Length != TokenSize)
            throw new ArgumentException($"A link token is {TokenSize} bytes.", nameof(token));
        return Seal(token, owner);
    }

    /// <summary>
    /// Opens a sealed code under the key version it names. A sealed code that was altered, belongs to another owner
    /// or names a key no longer configured is a <see cref="CryptographicException"/>: stored data is never expected
    /// to be wrong.
    /// </summary>
    public ClaimCode Decrypt(EncryptedCode sealedCode, string owner)
    {
        var plaintext = Open(sealedCode, ClaimCode.Length, owner);
        var parsed = ClaimCode.Parse(Encoding.ASCII.GetString(plaintext));
        CryptographicOperations.ZeroMemory(plaintext);
        return parsed.Code ?? throw new CryptographicException("The sealed value is not a claim code.");
    }

    /// <summary>Opens a sealed link token, as <see cref="Decrypt"/> opens a code: anything altered throws.</summary>
    public byte[] DecryptToken(EncryptedCode sealedToken, string owner) => Open(sealedToken, TokenSize, owner);

    private EncryptedCode Seal(ReadOnlySpan<byte> plaintext, string owner)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(_keys[_currentVersion], TagSize))
            aes.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.UTF8.GetBytes(owner));
        return new EncryptedCode(_currentVersion, nonce, ciphertext, tag);
    }

    private byte[] Open(EncryptedCode sealedValue, int length, string owner)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        if (!_keys.TryGetValue(sealedValue.KeyVersion, out var key))
            throw new CryptographicException($"No encryption key with version {sealedValue.KeyVersion}.");
        if (sealedValue.Nonce.Length != NonceSize || sealedValue.Tag.Length != TagSize
            || sealedValue.Ciphertext.Length != length)
            throw new CryptographicException("The sealed value is not the shape this cipher writes.");
        var plaintext = new byte[length];
        using (var aes = new AesGcm(key, TagSize))
            aes.Decrypt(sealedValue.Nonce, sealedValue.Ciphertext, sealedValue.Tag, plaintext,
                Encoding.UTF8.GetBytes(owner));
        return plaintext;
    }
}
