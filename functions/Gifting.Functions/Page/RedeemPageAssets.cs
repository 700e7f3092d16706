using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gifting.Functions.Auth;

namespace Gifting.Functions.Page;

/// <summary>
/// The redeem page's files, read once at start-up from the app folder: the HTML with the sign-in settings filled in
/// (HTML-encoded, as meta tags, since the page runs no inline script), and the script and style sheet by name only.
/// </summary>
public sealed class RedeemPageAssets
{
    private static readonly Dictionary<string, string> Types = new()
    {
        ["redeem.js"] = "text/javascript; charset=utf-8",
        ["claim-code.js"] = "text/javascript; charset=utf-8",
        ["redeem.css"] = "text/css; charset=utf-8",
    };

    private readonly Dictionary<string, Asset> _files;

    private RedeemPageAssets(Asset page, Dictionary<string, Asset> files, string connectSources)
    {
        Page = page;
        _files = files;
        ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + $"connect-src 'self'{connectSources}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Page", "Assets");

    public Asset Page { get; }

    /// <summary>The page's policy: its own script and style only, and the sign-in provider for fetches.</summary>
    public string ContentSecurityPolicy { get; }

    public Asset? File(string name) => _files.GetValueOrDefault(name);

    public static RedeemPageAssets Load(string folder, AuthOptions auth, SignInOptions signIn)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(signIn);
        var authority = (signIn.Authority ?? auth.Authority ?? "").TrimEnd('/');
        var mode = auth.IsLocal ? "local" : string.IsNullOrEmpty(signIn.ClientId) ? "none" : "oidc";
        var html = System.IO.File.ReadAllText(Path.Combine(folder, "redeem.html"))
            .Replace("{{signIn}}", mode, StringComparison.Ordinal)
            .Replace("{{authority}}", Encode(mode == "oidc" ? authority : ""), StringComparison.Ordinal)
            .Replace("{{clientId}}", Encode(mode == "oidc" ? signIn.ClientId! : ""), StringComparison.Ordinal)
            .Replace("{{scope}}", Encode(signIn.Scope), StringComparison.Ordinal);
        var files = Types.ToDictionary(t => t.Key,
            t => Asset.Of(System.IO.File.ReadAllBytes(Path.Combine(folder, t.Key)), t.Value), StringComparer.Ordinal);
        var connect = mode == "oidc" && Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            ? " " + uri.GetLeftPart(UriPartial.Authority)
            : "";
        return new RedeemPageAssets(
            Asset.Of(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8"), files, connect);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

/// <summary>A file's bytes, type and strong ETag.</summary>
public sealed record Asset(byte[] Content, string ContentType, string ETag)
{
    public static Asset Of(byte[] content, string contentType) =>
        new(content, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"");
}
