using System.Collections;
using System.Reflection;

namespace Gifting.Integration.Tests.Deployment;

/// <summary>
/// The settings the app binds, read from the code itself: every options class names its configuration section in a
/// <c>Section</c> constant, and its public settable properties are the settings (a dictionary takes any key, a list
/// an index). A new options class or property is found here without anyone listing it.
/// </summary>
public static class BoundSettings
{
    public static IReadOnlyList<Type> OptionsTypes { get; } =
        new[] { typeof(Gifting.Functions.Program), typeof(Gifting.Infra.GiftingInfraServices) }
            .Select(t => t.Assembly)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal)
                && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Every setting as a configuration key pattern: <c>Cosmos:Endpoint</c>, <c>ClaimCodes:Keys:{key}</c>.
    /// </summary>
    public static IReadOnlyList<string> Keys { get; } = OptionsTypes
        .SelectMany(t => KeysOf(t, (string)t.GetField("Section")!.GetRawConstantValue()!))
        .ToList();

    /// <summary>Whether a configuration key (<c>Codes:EncryptionKeys:0:Key</c>) is one the app binds.</summary>
    public static bool Binds(string key) => Keys.Any(pattern => Matches(pattern, key));

    private static IEnumerable<string> KeysOf(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanWrite && p.SetMethod!.IsPublic))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = property.PropertyType;
            if (IsScalar(propertyType)) yield return key;
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                yield return key + ":{key}";
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>))
            {
                var element = propertyType.GetGenericArguments()[0];
                if (IsScalar(element)) yield return key + ":{index}";
                else foreach (var inner in KeysOf(element, key + ":{index}")) yield return inner;
            }
            else if (!typeof(IEnumerable).IsAssignableFrom(propertyType))
                foreach (var inner in KeysOf(propertyType, key)) yield return inner;
        }
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(TimeSpan) || t == typeof(Uri)
            || t == typeof(decimal) || t == typeof(DateTimeOffset) || t == typeof(Guid);
    }

    private static bool Matches(string pattern, string key)
    {
        var expected = pattern.Split(':');
        var actual = key.Split(':');
        if (expected.Length != actual.Length) return false;
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] == "{key}") continue;
            if (expected[i] == "{index}" && int.TryParse(actual[i], out _)) continue;
            if (!string.Equals(expected[i], actual[i], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }
}
