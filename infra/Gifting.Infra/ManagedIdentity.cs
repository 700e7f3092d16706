using System.ComponentModel.DataAnnotations;
using Azure.Identity;

namespace Gifting.Infra;

/// <summary>The app's managed identity, as every client that signs in with it names it.</summary>
public static class ManagedIdentity
{
    /// <summary>The user-assigned identity with this client id, or the system-assigned identity when empty.</summary>
    public static ManagedIdentityCredential Credential(string? clientId) =>
        new(string.IsNullOrWhiteSpace(clientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(clientId));

    /// <summary>Why a configured client id is unusable, or null: it must be a GUID when set.</summary>
    public static ValidationResult? ClientIdError(string? clientId, string setting, string member) =>
        string.IsNullOrWhiteSpace(clientId) || Guid.TryParse(clientId, out _)
            ? null
            : new ValidationResult($"{setting} must be the client id (a GUID) of a user-assigned identity.", [member]);
}
