namespace Gifting.LocalHost;

/// <summary>
/// The settings a handler needs to run off Azure: a Cosmos DB endpoint, local tokens and a claim-code key. Shared by
/// the local stand-in and the integration tests, so both run the handler the same way.
/// </summary>
public static class LocalSettings
{
    public static Dictionary<string, string?> For(
        string cosmosEndpoint, string cosmosKey, bool emulator, string claimCodeKey, string? database = null)
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
        };
        if (database is not null) settings["Cosmos:Database"] = database;
        return settings;
    }
}
