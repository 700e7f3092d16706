using System.ComponentModel.DataAnnotations;

namespace Gifting.Functions.Auth;

public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>
    /// <c>Oidc</c> in Azure (tokens from the configured authority); <c>Local</c> for the local stand-in only.
    /// </summary>
    public string Mode { get; set; } = "Oidc";

    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>Base64 HMAC key for locally issued tokens; a fresh random key per start when empty.</summary>
    public string? LocalSigningKey { get; set; }

    public bool IsLocal => string.Equals(Mode, "Local", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsLocal && !string.Equals(Mode, "Oidc", StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult("Auth:Mode must be Oidc or Local.", [nameof(Mode)]);
        if (!IsLocal && (string.IsNullOrWhiteSpace(Authority) || string.IsNullOrWhiteSpace(Audience)))
            yield return new ValidationResult(
                "Auth:Authority and Auth:Audience are required in Oidc mode.", [nameof(Authority)]);
    }
}
