using System.Text.Json;

namespace Gifting.LocalHost;

/// <summary>A binding of a function, as its function.json declares it.</summary>
public sealed record Binding(
    string Type, string Direction, string Name, string? QueueName, string? Schedule, string? Route,
    IReadOnlyList<string> Methods, string? DataType = null)
{
    /// <summary>The host binds a <c>byte[]</c> for <c>dataType: binary</c> and a string otherwise.</summary>
    public bool IsBinary => string.Equals(DataType, "binary", StringComparison.OrdinalIgnoreCase);
}

public sealed record FunctionDefinition(string Name, IReadOnlyList<Binding> Bindings)
{
    public Binding Trigger =>
        Bindings.Single(b => b.Direction == "in" && b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    public IEnumerable<Binding> QueueOutputs => Bindings.Where(b => b.Direction == "out" && b.Type == "serviceBus");
}

/// <summary>Reads the function.json files the Functions host would read, from the handler's source folder.</summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDefinition> Load(string? folder = null)
    {
        folder ??= Path.Combine(RepositoryRoot.Find(), "functions", "Gifting.Functions", "Functions");
        return Directory.GetDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(d => new FunctionDefinition(Path.GetFileName(d), ReadBindings(Path.Combine(d, "function.json"))))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static List<Binding> ReadBindings(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("bindings").EnumerateArray().Select(b => new Binding(
            b.GetProperty("type").GetString()!,
            b.GetProperty("direction").GetString()!,
            b.GetProperty("name").GetString()!,
            b.TryGetProperty("queueName", out var q) ? q.GetString() : null,
            b.TryGetProperty("schedule", out var s) ? s.GetString() : null,
            b.TryGetProperty("route", out var r) ? r.GetString() : null,
            b.TryGetProperty("methods", out var m) ? m.EnumerateArray().Select(v => v.GetString()!).ToList() : [],
            b.TryGetProperty("dataType", out var t) ? t.GetString() : null))
            .ToList();
    }
}
