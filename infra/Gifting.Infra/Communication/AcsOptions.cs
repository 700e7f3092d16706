using System.ComponentModel.DataAnnotations;

namespace Gifting.Infra.Communication;

/// <summary>
/// Where email and SMS go: an Azure Communication Services resource, reached with its access key (from a
/// connection string) or, with no key configured, with the app's managed identity.
/// </summary>
public sealed class AcsOptions : IValidatableObject
{
    public const string Section = "Communication";

    /// <summary>
    /// <c>endpoint=https://name.communication.azure.com/;accesskey=...</c>; in Azure a Key Vault reference.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The resource's URL, for Entra ID (managed identity) authentication.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The client id of a user-assigned managed identity; the system-assigned identity when empty.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>A sender address of a domain linked to the resource, such as <c>DoNotReply@gifts.example</c>.</summary>
    public string? EmailSender { get; set; }

    /// <summary>The resource's phone number that SMS come from, in E.164 form (<c>+18005550100</c>).</summary>
    public string? SmsFrom { get; set; }

    /// <summary>How long one request may take before it counts as unanswered (a transient failure).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesAccessKey => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>The endpoint requests go to, from whichever setting carries it; valid only after validation.</summary>
    public Uri ResolvedEndpoint() =>
        UsesAccessKey ? AcsConnectionString.TryParse(ConnectionString!, out _)!.Endpoint : new Uri(Endpoint!);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasEndpoint = !string.IsNullOrWhiteSpace(Endpoint);
        if (hasEndpoint == UsesAccessKey)
            yield return Error("Exactly one of Communication:ConnectionString (access key) and Communication:Endpoint "
                + "(managed identity) must be set.", nameof(ConnectionString), nameof(Endpoint));
        if (UsesAccessKey && AcsConnectionString.TryParse(ConnectionString!, out var connectionError) is null)
            yield return Error(connectionError, nameof(ConnectionString));
        if (hasEndpoint && EndpointError(Endpoint!) is { } endpointError)
            yield return Error($"Communication:Endpoint {endpointError}.", nameof(Endpoint));
        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && !Guid.TryParse(ManagedIdentityClientId, out _))
            yield return Error("Communication:ManagedIdentityClientId must be the client id (a GUID) of a "
                + "user-assigned identity.", nameof(ManagedIdentityClientId));
        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && UsesAccessKey)
            yield return Error("Communication:ManagedIdentityClientId applies to Communication:Endpoint only.",
                nameof(ManagedIdentityClientId));
        if (!new EmailAddressAttribute().IsValid(EmailSender) || string.IsNullOrWhiteSpace(EmailSender))
            yield return Error("Communication:EmailSender must be a sender address such as DoNotReply@gifts.example.",
                nameof(EmailSender));
        if (string.IsNullOrWhiteSpace(SmsFrom) || !IsSender(SmsFrom))
            yield return Error("Communication:SmsFrom must be a phone number in E.164 form such as +18005550100.",
                nameof(SmsFrom));
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(2))
            yield return Error("Communication:RequestTimeout must be positive and at most 2 minutes.",
                nameof(RequestTimeout));
    }

    /// <summary>
    /// What is wrong with an endpoint, or null: HTTPS with a host and nothing after it. Plain HTTP is allowed to a
    /// loopback address only, where a local stand-in plays ACS.
    /// </summary>
    internal static string? EndpointError(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            return "must be an absolute URL such as https://name.communication.azure.com";
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            return "must use https (http only to a loopback address)";
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return "must be the resource's root URL, with no path or query";
        return null;
    }

    private static bool IsSender(string value) =>
        value.Length is >= 3 and <= 16 && value[0] == '+' && value[1] != '0' && value[1..].All(char.IsAsciiDigit);

    private static ValidationResult Error(string message, params string[] members) => new(message, members);
}
