using System.Security.Cryptography;

namespace Gifting.LocalHost;

/// <summary>
/// The settings a handler needs to run off Azure: a Cosmos DB endpoint, local tokens, a claim-code key and a key that
/// seals codes kept for delivery (fresh unless given). Shared by the local stand-in and the integration tests, so both
/// run the handler the same way.
/// </summary>
public static class LocalSettings
{
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
        if (database is not null) settings["Cosmos:Database"] = database;
        return settings;
    }
}
