using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gifting.Functions.Responses;

/// <summary>
/// A rejected message's body as operators may see it. No queue's body carries a claim code or a link token, but a
/// producer's mistake could put one anywhere, so two nets catch them: members whose name could hold one are blanked
/// whatever their value (a deny-list), and any text shaped like a code or a token is blanked wherever it appears.
/// A body that is not JSON, or JSON that no node can hold, is redacted as text: the shapes, and denied names' values.
/// </summary>
public static partial class RedactedBody
{
    public const string Mask = "[redacted]";

    // Compared without case, dashes or underscores: claim_code, claimCode and Claim-Code are one name.
    private static readonly HashSet<string> DeniedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "code", "claimcode", "giftcode", "cardcode", "redemptioncode", "pin", "linktoken", "token", "t", "link",
        "url", "redeemurl", "redeemlink", "sealedcode", "sealedlink", "secret", "password", "authorization", "key",
    };

    public static string Of(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return JsonNode.Parse(body) is { } root ? Redact(root).ToJsonString() : body;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON, or JSON no node can hold (a member twice, a lone surrogate): redacted as text, with the
            // string values of denied names blanked too.
            return RedactText(DeniedMember().Replace(body,
                m => IsDenied(m.Groups["name"].Value) ? $"\"{m.Groups["name"].Value}\":\"{Mask}\"" : m.Value));
        }
    }

    private static JsonNode Redact(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                    obj[name] = IsDenied(name) ? Mask : obj[name] is { } child ? Redact(child.DeepClone()) : null;
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is { } item) array[i] = Redact(item.DeepClone());
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(RedactText(text));
            default:
                return node;
        }
    }

    private static bool IsDenied(string name) =>
        DeniedNames.Contains(
            name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal));

    private static string RedactText(string text) =>
        TokenShape().Replace(CodeShape().Replace(text, Mask), Mask);

    // A member with a string value, as JSON text.
    [GeneratedRegex(@"""(?<name>[A-Za-z0-9_-]{1,64})""\s*:\s*""(?:[^""\\]|\\.)*""")]
    private static partial Regex DeniedMember();

    // A claim code as shown or typed: 15 symbols of the code's alphabet and its look-alikes, grouped 4-6-5 or not.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9A-Za-z]{4}[- ]?[0-9A-Za-z]{6}[- ]?[0-9A-Za-z]{5}(?![0-9A-Za-z])")]
    private static partial Regex CodeShape();

    // A link token: 22 base64url characters standing alone (in a link's t= or anywhere else).
    [GeneratedRegex(@"(?<![0-9A-Za-z_-])[0-9A-Za-z_-]{22}(?![0-9A-Za-z_-])")]
    private static partial Regex TokenShape();
}
