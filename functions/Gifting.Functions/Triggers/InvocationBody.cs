using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gifting.Functions.Triggers;

/// <summary>
/// The body of a host invocation, read with a bound instead of refused with a 413: a failed invocation is redelivered
/// and finally dead-lettered, so an invocation too large to read must still be answered, with a rejection.
/// </summary>
public sealed class InvocationBody
{
    /// <summary>
    /// 4 MiB. A Standard Service Bus message is at most 256 KiB, and the host carries the body JSON-encoded twice in
    /// <c>Data</c> (each quote or backslash becomes four characters, a control character seven) and again in the
    /// promoted <c>Metadata</c> fields: at most about 14 times the message. Anything larger (a Premium entity with
    /// a raised message size) is counted and discarded, never buffered.
    /// </summary>
    public const long Limit = 4 * 1024 * 1024;

    private const int PrefixChars = 8192;

    /// <summary>Endpoint metadata that lifts the request size limit; the endpoint reads with this bound.</summary>
    public static IRequestSizeLimitMetadata Unlimited { get; } = new NoSizeLimit();

    private InvocationBody(JsonElement? root, long length, string prefix)
    {
        Root = root;
        Length = length;
        Prefix = prefix;
    }

    /// <summary>The parsed payload; null when the body was over <see cref="Limit"/>.</summary>
    public JsonElement? Root { get; }

    /// <summary>The number of bytes the host sent.</summary>
    public long Length { get; }

    /// <summary>The start of the body as text, for an operator to recognise an oversized invocation by.</summary>
    public string Prefix { get; }

    public static async Task<InvocationBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var chunk = new byte[64 * 1024];
        long length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (length + read <= Limit) kept.Write(chunk, 0, read);
            length += read;
        }
        if (length > Limit)
        {
            var prefix = Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)Math.Min(kept.Length, PrefixChars));
            return new InvocationBody(null, length, prefix);
        }
        using var document = JsonDocument.Parse(kept.GetBuffer().AsMemory(0, (int)kept.Length));
        return new InvocationBody(document.RootElement.Clone(), length, "");
    }

    private sealed class NoSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
