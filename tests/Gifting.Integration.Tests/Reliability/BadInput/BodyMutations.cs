using System.Text;
using System.Text.Json.Nodes;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>Renders a body fault on a well-formed body (or on a small object where the route takes none).</summary>
public static class BodyMutations
{
    private const string Slot = "fuzz-slot-7f3a";
    private static readonly int[] Depths = [64, 65, 256, 1000, 5000];

    public static byte[]? Render(BodyFault fault, JsonNode? valid, long limit, Random random)
    {
        if (fault == BodyFault.None) return valid is null ? null : Utf8(valid.ToJsonString());
        var root = valid as JsonObject ?? new JsonObject { ["fuzz"] = "value" };
        var text = root.ToJsonString();
        var members = Members(root);
        var (parent, name) = members[random.Next(members.Count)];
        return fault switch
        {
            BodyFault.Truncated => Utf8(text[..random.Next(1, text.Length)]),
            BodyFault.Malformed => Utf8(Pick(BadValues.Malformed, random)),
            BodyFault.Huge => Huge(root, limit, random),
            BodyFault.DeepTop => Utf8(Nested(random)),
            BodyFault.DeepMember => Utf8(Replace(root, parent, name, Nested(random))),
            BodyFault.Unicode => Utf8(Replace(root, parent, name, Pick(BadValues.UnicodeTricks, random))),
            BodyFault.WrongType => Utf8(Replace(root, parent, name, Pick(BadValues.WrongTypes, random))),
            BodyFault.ExtremeNumber => Utf8(Replace(root, parent, name, Pick(BadValues.ExtremeNumbers, random))),
            BodyFault.DuplicateKey => Utf8(Duplicate(root, parent, name, random)),
            BodyFault.MissingMember => Utf8(Without(root, parent, name)),
            BodyFault.ExtraMembers => Utf8(WithExtras(text, random)),
            BodyFault.InvalidUtf8 => InvalidUtf8(root, parent, name),
            BodyFault.ByteOrderMark => [.. Encoding.UTF8.Preamble, .. Utf8(text)],
            BodyFault.Empty => [],
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
    }

    private static List<(JsonObject Parent, string Name)> Members(JsonNode node)
    {
        var found = new List<(JsonObject, string)>();
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToList())
            {
                found.Add((obj, name));
                if (value is not null) found.AddRange(Members(value));
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.Where(i => i is not null)) found.AddRange(Members(item!));
        }
        return found;
    }

    private static string Replace(JsonObject root, JsonObject parent, string name, string raw)
    {
        parent[name] = Slot;
        return root.ToJsonString().Replace($"\"{Slot}\"", raw, StringComparison.Ordinal);
    }

    private static string Duplicate(JsonObject root, JsonObject parent, string name, Random random)
    {
        var original = parent[name]?.ToJsonString() ?? "null";
        var other = random.Next(2) == 0 ? Pick(BadValues.WrongTypes, random) : Pick(BadValues.ExtremeNumbers, random);
        parent[name] = Slot;
        var twice = random.Next(2) == 0
            ? $"\"{name}\":{original},\"{name}\":{other}"
            : $"\"{name}\":{other},\"{name}\":{original}";
        return root.ToJsonString().Replace($"\"{name}\":\"{Slot}\"", twice, StringComparison.Ordinal);
    }

    private static string Without(JsonObject root, JsonObject parent, string name)
    {
        parent.Remove(name);
        return root.ToJsonString();
    }

    private static string WithExtras(string text, Random random)
    {
        var extras = string.Join(',', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(BadValues.ExtraMembers,
            random)));
        return text == "{}" ? "{" + extras + "}" : "{" + extras + "," + text[1..];
    }

    private static byte[] Huge(JsonObject root, long limit, Random random)
    {
        root["padding"] = new string('p', (int)Math.Min(limit + 1 + random.Next(4096), int.MaxValue / 2));
        return Utf8(root.ToJsonString());
    }

    private static string Nested(Random random)
    {
        var depth = Depths[random.Next(Depths.Length)];
        return random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
    }

    private static byte[] InvalidUtf8(JsonObject root, JsonObject parent, string name)
    {
        var bytes = Utf8(Replace(root, parent, name, "\"\u0001BAD\u0001\""));
        var marker = Utf8("\u0001BAD\u0001");
        var at = bytes.AsSpan().IndexOf(marker);
        return [.. bytes[..at], 0xC0, 0xAF, 0xFF, 0xFE, .. bytes[(at + marker.Length)..]];
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
