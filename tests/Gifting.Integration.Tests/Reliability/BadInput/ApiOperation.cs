using System.Globalization;
using System.Text.Json;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>A parameter of an operation, as the API description declares it.</summary>
public sealed record ApiParameter(string Name, string In, string Type);

/// <summary>
/// One operation of the app's own API description (<c>GET /api/openapi.json</c>): its parameters, its JSON body's
/// schema, the roles its description names, and the problem codes it may answer by status (<c>x-problem-codes</c>).
/// </summary>
public sealed record ApiOperation(
    string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? Body,
    IReadOnlyList<string> Roles, IReadOnlyDictionary<int, IReadOnlySet<string>> Codes)
{
    public string Name => $"{Method} {Path}";

    /// <summary>The group a report line counts it under: <c>/api/cards</c>, <c>/api/accounts</c>, ...</summary>
    public string Group => "/" + string.Join('/', Path.Trim('/').Split('/').Take(2));

    public static IReadOnlyList<ApiOperation> All(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new ApiParameter(p.GetProperty("name").GetString()!,
                        p.GetProperty("in").GetString()!, TypeOf(p.GetProperty("schema")))).ToList()
                    : [];
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var request)
                    && request.GetProperty("content").TryGetProperty("application/json", out var json)
                        ? json.GetProperty("schema").Clone()
                        : null;
                operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, body,
                    RolesOf(operation.Value), CodesOf(operation.Value)));
            }
        }
        return operations;
    }

    private static string TypeOf(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : "string";

    private static List<string> RolesOf(JsonElement operation) =>
        operation.TryGetProperty("description", out var description)
        && description.GetString() is { } text && text.StartsWith("Roles: ", StringComparison.Ordinal)
            ? [.. text["Roles: ".Length..].TrimEnd('.').Split(", ")]
            : [];

    private static Dictionary<int, IReadOnlySet<string>> CodesOf(JsonElement operation)
    {
        var codes = new Dictionary<int, IReadOnlySet<string>>();
        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            if (response.Value.TryGetProperty("x-problem-codes", out var listed))
                codes[int.Parse(response.Name, CultureInfo.InvariantCulture)] =
                    listed.EnumerateArray().Select(c => c.GetString()!).ToHashSet(StringComparer.Ordinal);
        }
        return codes;
    }
}
