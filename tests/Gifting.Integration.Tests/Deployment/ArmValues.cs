using System.Text.RegularExpressions;

namespace Gifting.Integration.Tests.Deployment;

/// <summary>
/// Turns the ARM expressions left in a snapshot (values only Azure knows once a resource exists, such as an
/// identity's client id or an account's endpoint) into stand-ins of the right shape, so that the app can be started
/// on the template's settings. Key Vault references become fresh random keys, as the platform would resolve them.
/// </summary>
public static partial class ArmValues
{
    public const string ClientId = "8f0c2b6e-3a1d-4c5e-9b7a-2d4f6e8a0c1b";

    /// <summary>A stand-in for each runtime property the template reads; a new one fails here until added.</summary>
    private static readonly Dictionary<string, string> RuntimeProperties = new(StringComparer.Ordinal)
    {
        ["clientId"] = ClientId,
        ["principalId"] = "1b7c5d2e-9f3a-4e6b-8c1d-0a2b3c4d5e6f",
        ["documentEndpoint"] = "https://gifting-cosmos.documents.azure.com:443/",
        ["primaryEndpoints.blob"] = "https://giftingst.blob.core.windows.net/",
        ["primaryEndpoints.queue"] = "https://giftingst.queue.core.windows.net/",
        ["primaryEndpoints.table"] = "https://giftingst.table.core.windows.net/",
        ["ConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;"
            + "IngestionEndpoint=https://westeurope-0.in.applicationinsights.azure.com/",
        ["hostName"] = "gifting-acs.unitedstates.communication.azure.com",
        ["defaultHostName"] = "gifting.azurewebsites.net",
        ["mailFromSenderDomain"] = "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.azurecomm.net",
        ["vaultUri"] = "https://gifting-kv.vault.azure.net/",
    };

    /// <summary>The value of a setting with its expressions replaced; Key Vault references resolved to keys.</summary>
    public static string Resolve(string value, Dictionary<string, string> secrets)
    {
        var resolved = value.StartsWith('[') && value.EndsWith(']') ? Evaluate(value[1..^1].Trim()) : value;
        if (!resolved.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)) return resolved;
        if (!secrets.TryGetValue(resolved, out var secret))
        {
            secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            secrets[resolved] = secret;
        }
        return secret;
    }

    private static string Evaluate(string expression)
    {
        if (expression.StartsWith("format(", StringComparison.Ordinal))
        {
            var arguments = Arguments(expression["format(".Length..^1]);
            return string.Format(System.Globalization.CultureInfo.InvariantCulture,
                Literal(arguments[0]), arguments.Skip(1).Select(a => (object)Evaluate(a)).ToArray());
        }
        if (expression.StartsWith('\'')) return Literal(expression);
        var reference = Reference().Match(expression);
        if (!reference.Success)
            throw new InvalidOperationException($"No stand-in for the ARM expression [{expression}].");
        var property = reference.Groups["property"].Value;
        return RuntimeProperties.TryGetValue(property, out var standIn)
            ? standIn
            : throw new InvalidOperationException(
                $"No stand-in for the runtime property '{property}' in [{expression}]: add one to "
                + $"{nameof(ArmValues)}.");
    }

    private static string Literal(string quoted) => quoted.Trim()[1..^1].Replace("''", "'", StringComparison.Ordinal);

    /// <summary>Splits a call's arguments at top-level commas, outside quotes and brackets.</summary>
    private static List<string> Arguments(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c is '(' or '[') depth++;
            else if (!quoted && c is ')' or ']') depth--;
            else if (!quoted && depth == 0 && c == ',')
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(text[start..].Trim());
        return parts;
    }

    [GeneratedRegex(@"^reference\('[^']*'(, '[^']*')*\)\.(?<property>[A-Za-z.]+)$")]
    private static partial Regex Reference();
}
