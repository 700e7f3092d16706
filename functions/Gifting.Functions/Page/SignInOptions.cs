using System.ComponentModel.DataAnnotations;

namespace Gifting.Functions.Page;

/// <summary>
/// How the redeem page signs a shopper in outside local mode: an OpenID Connect authorization-code flow with PKCE
/// against <see cref="Authority"/> (by default <c>Auth:Authority</c>, the issuer whose tokens the API accepts), as the
/// public client <see cref="ClientId"/>. Without a client id the page says sign-in is not set up.
/// </summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    [Url]
    public string? Authority { get; set; }

    [StringLength(200)]
    public string? ClientId { get; set; }

    /// <summary>Space-separated: <c>openid</c> and the API's scope, so the access token is for the API.</summary>
    [StringLength(500)]
    public string Scope { get; set; } = "openid";
}
