using System.ComponentModel.DataAnnotations;

namespace Gifting.Infra.Messaging;

/// <summary>
/// Where messages go in Azure: a Service Bus namespace reached with the app's managed identity, or, only where a
/// person gives one, a connection string. The SDK retries transient faults itself, with these bounds.
/// </summary>
public sealed class ServiceBusOptions : IValidatableObject
{
    public const string Section = "ServiceBus";

    /// <summary>For example <c>gifting-prod.servicebus.windows.net</c>.</summary>
    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+$",
        ErrorMessage = "ServiceBus:FullyQualifiedNamespace must be a host name such as name.servicebus.windows.net.")]
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>A shared-access connection string; with it no managed identity is used.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The client id of a user-assigned managed identity; the system-assigned identity when empty.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Range(0, 10, ErrorMessage = "ServiceBus:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before the SDK counts it failed and tries again.</summary>
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasNamespace = !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);
        if (hasNamespace == UsesConnectionString)
            yield return new ValidationResult(
                "Exactly one of ServiceBus:FullyQualifiedNamespace (managed identity) and ServiceBus:ConnectionString "
                + "must be set.", [nameof(FullyQualifiedNamespace), nameof(ConnectionString)]);
        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && !Guid.TryParse(ManagedIdentityClientId, out _))
            yield return new ValidationResult(
                "ServiceBus:ManagedIdentityClientId must be the client id (a GUID) of a user-assigned identity.",
                [nameof(ManagedIdentityClientId)]);
        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && UsesConnectionString)
            yield return new ValidationResult(
                "ServiceBus:ManagedIdentityClientId applies to ServiceBus:FullyQualifiedNamespace only.",
                [nameof(ManagedIdentityClientId)]);
        if (RetryDelay <= TimeSpan.Zero || RetryDelay > MaxRetryDelay)
            yield return new ValidationResult(
                "ServiceBus:RetryDelay must be positive and at most ServiceBus:MaxRetryDelay.", [nameof(RetryDelay)]);
        if (MaxRetryDelay > TimeSpan.FromMinutes(5))
            yield return new ValidationResult(
                "ServiceBus:MaxRetryDelay must be at most 5 minutes.", [nameof(MaxRetryDelay)]);
        if (TryTimeout <= TimeSpan.Zero || TryTimeout > TimeSpan.FromMinutes(5))
            yield return new ValidationResult(
                "ServiceBus:TryTimeout must be positive and at most 5 minutes.", [nameof(TryTimeout)]);
    }
}
