using System.ComponentModel.DataAnnotations;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// The Cosmos DB account: reached with its key where a person gives one (the emulator, a test account), otherwise
/// with the app's managed identity and the account's data-plane role, as in Azure, where keys are switched off.
/// </summary>
public sealed class CosmosOptions : IValidatableObject
{
    public const string Section = "Cosmos";

    [Required, Url]
    public string Endpoint { get; set; } = "";

    /// <summary>The account key; empty to authenticate with the managed identity instead.</summary>
    public string? Key { get; set; }

    /// <summary>The client id of a user-assigned managed identity; the system-assigned identity when empty.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Required, RegularExpression("^[A-Za-z0-9-]{1,64}$")]
    public string Database { get; set; } = "gifting";

    /// <summary>
    /// Create the database and containers when missing: for local runs and tests; Azure's are provisioned.
    /// </summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>Talk to the local wire-protocol emulator: gateway mode and its work-arounds.</summary>
    public bool Emulator { get; set; }

    public bool UsesKey => !string.IsNullOrWhiteSpace(Key);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        const string clientIdSetting = "Cosmos:ManagedIdentityClientId";
        if (ManagedIdentity.ClientIdError(ManagedIdentityClientId, clientIdSetting, nameof(ManagedIdentityClientId))
            is { } error)
            yield return error;
        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && UsesKey)
            yield return new ValidationResult(
                "Cosmos:ManagedIdentityClientId applies without Cosmos:Key only.", [nameof(ManagedIdentityClientId)]);
        if (Emulator && !UsesKey)
            yield return new ValidationResult("Cosmos:Emulator needs Cosmos:Key.", [nameof(Key)]);
    }
}
