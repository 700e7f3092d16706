using System.Security.Cryptography;

namespace Gifting.LocalHost;

/// <summary>
/// The settings a handler needs to run off Azure: a Cosmos DB endpoint, local tokens, a claim-code key, a key that
/// seals codes kept for delivery (fresh unless given) and an ACS resource. Shared by the local stand-in and the
/// integration tests, so both run the handler the same way.
/// </summary>
public static class LocalSettings
{
    public const string EmailSender = "gifts@gifting.local";
    public const string SmsFrom = "+15550100000";

    /// <summary>
    /// Nothing listens on port 1, so an app given only these settings passes the ACS validation at start-up and
    /// finds every send unanswered; the stand-in points it at its <see cref="LocalAcs"/> instead.
    /// </summary>
    private static readonly Uri NoAcs = new("http://127.0.0.1:1/");

    /// <summary>The <c>Communication</c> settings of an ACS resource at <paramref name="endpoint"/>.</summary>
    public static Dictionary<string, string?> Communication(Uri endpoint, string accessKey) => new()
    {
        ["Communication:ConnectionString"] = $"endpoint={endpoint};accesskey={accessKey}",
        ["Communication:EmailSender"] = EmailSender,
        ["Communication:SmsFrom"] = SmsFrom,
    };

    public static Dictionary<string, string?> For(
        string cosmosEndpoint, string cosmosKey, bool emulator, string claimCodeKey, string? database = null,
        string? codeEncryptionKey = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cosmos:Endpoint"] = cosmosEndpoint,
            ["Cosmos:Key"] = cosmosKey,
            ["Cosmos:Emulator"] = emulator ? "true" : "false",
            ["Cosmos:CreateIfMissing"] = "true",
            ["Auth:Mode"] = "Local",
            ["ClaimCodes:CurrentVersion"] = "1",
            ["ClaimCodes:Keys:1"] = claimCodeKey,
            ["Codes:CurrentEncryptionKeyVersion"] = "1",
            ["Codes:EncryptionKeys:0:Version"] = "1",
            ["Codes:EncryptionKeys:0:Key"] =
                codeEncryptionKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (name, value) in Communication(NoAcs, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))))
            settings[name] = value;
        if (database is not null) settings["Cosmos:Database"] = database;
        return settings;
    }
}
