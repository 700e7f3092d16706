namespace Gifting.Core.Codes;

/// <summary>A 32-byte AES key and its version; codes kept for delivery are sealed under one of these.</summary>
public sealed record EncryptionKey(int Version, byte[] Secret);
