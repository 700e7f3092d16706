using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>
/// A well-formed body for a schema of the API description, with a plausible value for each member by its name, so
/// that a mutation of one member is what a case puts wrong.
/// </summary>
public sealed class SchemaBodies(JsonElement components, string retailer)
{
    public JsonNode? Valid(JsonElement schema) => Value(schema, "", "");

    private JsonNode? Value(JsonElement schema, string owner, string member)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Value(components.GetProperty("schemas").GetProperty(name), name, member);
        }
        return TypeOf(schema) switch
        {
            "object" => Object(schema, owner),
            "array" => new JsonArray(schema.TryGetProperty("items", out var items)
                ? Value(items, owner, member)
                : JsonValue.Create("fuzz")),
            "integer" => JsonValue.Create(member switch { "count" => 1, "chunk" => 0, _ => 100L }),
            "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(member is "applyToOrders" or "applyToSubscriptions"),
            _ => JsonValue.Create(Text(schema, owner, member)),
        };
    }

    private JsonObject Object(JsonElement schema, string owner)
    {
        var node = new JsonObject();
        if (!schema.TryGetProperty("properties", out var properties)) return node;
        foreach (var property in properties.EnumerateObject())
        {
            // A redemption names exactly one of the two; the others are optional and left out when they may be.
            if (owner == "RedeemBody" && property.Name == "linkToken") continue;
            if (property.Name is "deliverAt" or "phone" or "note" or "receiptRef") continue;
            node[property.Name] = Value(property.Value, owner, property.Name);
        }
        return node;
    }

    private string Text(JsonElement schema, string owner, string member)
    {
        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time")
            return DateTimeOffset.UtcNow.AddDays(30).ToString("O", CultureInfo.InvariantCulture);
        return member switch
        {
            "currency" => "USD",
            "marketplace" => "US",
            "kind" => owner == "IssueBody" ? "digital" : "order",
            "decision" => "approve",
            "direction" => "credit",
            "channel" => "email",
            "email" => "fuzz@example.com",
            "reasonCode" => "goodwill",
            "retailerId" => retailer,
            "sub" => "fuzz-sub",
            "org" => "org-fuzz",
            "code" => "0000-000000-00000",
            "linkToken" => "AAAAAAAAAAAAAAAAAAAAAA",
            _ => "fuzz-" + member,
        };
    }

    private static string TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return schema.TryGetProperty("properties", out _)
            ? "object"
            : "string";
        if (type.ValueKind == JsonValueKind.String) return type.GetString()!;
        return type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? "string";
    }
}
