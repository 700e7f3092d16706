using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gifting.Functions.Auth;

/// <summary>Signs and checks tokens for local runs, where there is no identity provider.</summary>
public sealed class LocalTokens
{
    public const string Issuer = "gifting-local";
    public const string Audience = "gifting";

    public LocalTokens(AuthOptions options)
    {
        var secret = string.IsNullOrEmpty(options.LocalSigningKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Convert.FromBase64String(options.LocalSigningKey);
        Key = new SymmetricSecurityKey(secret);
    }

    public SymmetricSecurityKey Key { get; }

    public string Issue(
        string subject, IEnumerable<string> roles, string marketplace, TimeProvider clock, string? org = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["roles"] = roles.ToArray(),
            ["marketplace"] = marketplace,
        };
        if (org is not null) claims["org"] = org;
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(12),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}

public static class PrincipalExtensions
{
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value ?? throw new InvalidOperationException("An authenticated principal has no sub.");

    public static string? MarketplaceCode(this ClaimsPrincipal user) => user.FindFirst("marketplace")?.Value ?? "US";

    /// <summary>The corporate buyer the token acts for; null when it names none.</summary>
    public static string? OrgClaim(this ClaimsPrincipal user) => user.FindFirst("org")?.Value;
}
