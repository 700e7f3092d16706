using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gifting.Core.Codes;
using Gifting.Core.Links;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Gifting.Integration.Tests.Reliability.Secrets;

/// <summary>
/// Taps an app under test for <see cref="SecretWitness"/>: its answers name the codes and tokens to look for (a
/// <c>code</c> or <c>linkToken</c> member, the <c>t</c> of a link), its problem answers are kept to be searched, and
/// every message it sends out (to ACS above all) names the codes and tokens it carries.
/// </summary>
public static partial class SecretCapture
{
    private const int MaxKept = 256 * 1024;

    /// <summary>Installs the taps into an app's services.</summary>
    public static void Install(IServiceCollection services)
    {
        services.AddSingleton<IStartupFilter, AnswerTap>();
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new OutgoingTap()));
    }

    /// <summary>Registers the value of a setting that holds a key: a name ending in <c>Key</c>, a member of a
    /// <c>Keys</c> list, or the <c>accesskey</c> of a connection string. The emulator's key is public and is not one.
    /// </summary>
    public static void RegisterSetting(string name, string? value)
    {
        if (string.IsNullOrEmpty(value) || value == Gifting.LocalHost.CosmosEmulator.Key) return;
        if (name.EndsWith("Key", StringComparison.OrdinalIgnoreCase) ||
            name.Contains(":Keys:", StringComparison.OrdinalIgnoreCase))
            SecretWitness.Register(SecretKind.Key, value);
        foreach (var part in value.Split(';'))
            if (part.StartsWith("accesskey=", StringComparison.OrdinalIgnoreCase))
                SecretWitness.Register(SecretKind.Key, part["accesskey=".Length..]);
    }

    /// <summary>Registers every code and token a text names: the members of a JSON document, a link's
    /// <c>t</c>, and claim codes in their display form.</summary>
    public static void RegisterNamedIn(string text)
    {
        foreach (Match link in LinkTokenInUrl().Matches(text))
            SecretWitness.Register(SecretKind.LinkToken, link.Groups["t"].Value);
        foreach (Match display in DisplayedCode().Matches(text))
            RegisterCode(display.Value);
        if (text.Length == 0 || text[0] is not ('{' or '[')) return;
        try
        {
            using var json = JsonDocument.Parse(text);
            Walk(json.RootElement);
        }
        catch (JsonException)
        {
        }
    }

    private static void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Value.ValueKind == JsonValueKind.String) Named(member.Name, member.Value.GetString()!);
                    else Walk(member.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item);
                break;
        }
    }

    private static void Named(string name, string value)
    {
        if (name.Equals("code", StringComparison.OrdinalIgnoreCase)) RegisterCode(value);
        else if (name.Contains("token", StringComparison.OrdinalIgnoreCase) && LinkToken.IsWellFormed(value))
            SecretWitness.Register(SecretKind.LinkToken, value);
        else RegisterNamedIn(value);
    }

    private static void RegisterCode(string value)
    {
        // Only what reads as a real code: a typo or a made-up string is no secret, and searching for it would flag
        // an answer that only repeats what was typed.
        if (ClaimCode.Parse(value) is { Code: { } code }) SecretWitness.Register(SecretKind.ClaimCode, code.Normalized);
    }

    [GeneratedRegex(@"[?&]t=(?<t>[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])")]
    private static partial Regex LinkTokenInUrl();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[0-9A-Za-z]{4}-[0-9A-Za-z]{6}-[0-9A-Za-z]{5}(?![A-Za-z0-9])")]
    private static partial Regex DisplayedCode();

    private sealed class AnswerTap : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                var query = context.Request.Query["t"].ToString();
                if (LinkToken.IsWellFormed(query)) SecretWitness.Register(SecretKind.LinkToken, query);
                var original = context.Response.Body;
                await using var tee = new TeeStream(original);
                context.Response.Body = tee;
                try
                {
                    await rest(context);
                }
                finally
                {
                    context.Response.Body = original;
                    var body = tee.Kept;
                    RegisterNamedIn(body);
                    if (context.Response.ContentType?.StartsWith("application/problem+json",
                            StringComparison.OrdinalIgnoreCase) == true)
                        SecretWitness.Observe("problem", body);
                }
            });
            next(app);
        };
    }

    private sealed class OutgoingTap : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                await content.LoadIntoBufferAsync(cancellationToken);
                RegisterNamedIn(await content.ReadAsStringAsync(cancellationToken));
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Passes writes through and keeps the first <see cref="MaxKept"/> bytes.</summary>
    private sealed class TeeStream(Stream inner) : Stream
    {
        private readonly MemoryStream _kept = new();

        public string Kept => Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(
            ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            var room = MaxKept - (int)_kept.Length;
            if (room > 0) _kept.Write(bytes[..Math.Min(room, bytes.Length)]);
        }
    }
}
