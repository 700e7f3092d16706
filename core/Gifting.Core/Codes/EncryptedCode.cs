namespace Gifting.Core.Codes;

/// <summary>
/// A claim code sealed with AES-GCM: the key version it was sealed under, its random 12-byte nonce, the ciphertext
/// and the 16-byte tag. Opened only under the same key version and the same associated data.
/// </summary>
public sealed record EncryptedCode(int KeyVersion, byte[] Nonce, byte[] Ciphertext, byte[] Tag);
