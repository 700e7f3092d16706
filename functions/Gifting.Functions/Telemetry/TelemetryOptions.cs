using System.ComponentModel.DataAnnotations;
using Gifting.Infra;

namespace Gifting.Functions.Telemetry;

/// <summary>
/// Where traces and metrics go. With <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set (the Functions host's own
/// setting, which Azure sets for the app) they are exported to Application Insights with the managed identity's
/// Entra token; without it nothing leaves the process unless <see cref="Console"/> is on.
/// </summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>The client id of a user-assigned managed identity; the system-assigned identity when empty.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Write spans and metrics to the console as well, for a person watching a local run.</summary>
    public bool Console { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ManagedIdentity.ClientIdError(
                ManagedIdentityClientId, "Telemetry:ManagedIdentityClientId", nameof(ManagedIdentityClientId)) is { } e)
            yield return e;
    }
}
