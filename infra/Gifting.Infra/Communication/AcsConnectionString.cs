namespace Gifting.Infra.Communication;

/// <summary>
/// An ACS connection string, <c>endpoint=https://name.communication.azure.com/;accesskey=base64</c>, taken apart.
/// Errors name the part that is wrong and never repeat the string, which carries the key.
/// </summary>
public sealed class AcsConnectionString
{
    private AcsConnectionString(Uri endpoint, byte[] accessKey)
    {
        Endpoint = endpoint;
        AccessKey = accessKey;
    }

    public Uri Endpoint { get; }

    /// <summary>The decoded access key: the HMAC-SHA256 key of every request signature.</summary>
    public byte[] AccessKey { get; }

    /// <summary>The parts, or null with <paramref name="error"/> saying what is wrong, in words free of the key.
    /// </summary>
    public static AcsConnectionString? TryParse(string value, out string error)
    {
        string? endpoint = null, key = null;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                return Fail("each part must be name=value", out error);
            var name = part[..equals].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
                endpoint = part[(equals + 1)..].Trim();
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
                key = part[(equals + 1)..].Trim();
        }
        if (string.IsNullOrEmpty(endpoint))
            return Fail("it has no endpoint=", out error);
        if (AcsOptions.EndpointError(endpoint) is { } endpointError)
            return Fail($"its endpoint {endpointError}", out error);
        if (string.IsNullOrEmpty(key))
            return Fail("it has no accesskey=", out error);
        var bytes = new byte[key.Length];
        if (!Convert.TryFromBase64String(key, bytes, out var length) || length == 0)
            return Fail("its accesskey is not base64", out error);
        error = "";
        return new AcsConnectionString(new Uri(endpoint), bytes[..length]);
    }

    private static AcsConnectionString? Fail(string reason, out string error)
    {
        error = $"Communication:ConnectionString is malformed: {reason} (endpoint=https://...;accesskey=...).";
        return null;
    }
}
