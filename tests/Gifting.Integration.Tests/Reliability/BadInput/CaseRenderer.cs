using System.Text.Json.Nodes;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>Turns a <see cref="FuzzCase"/> into the request it stands for, against one operation.</summary>
public sealed class CaseRenderer(
    IReadOnlyList<ApiOperation> operations, SchemaBodies bodies, Func<string, string> tokenFor)
{
    public const long BodyLimit = 64 * 1024;
    public const long OrderBodyLimit = 32L * 1024 * 1024;

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/json; charset=latin1", "application/json; charset=utf-16",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json;;", "*/*",
        "text/csv", "application/problem+json", "APPLICATION/JSON", "application/json; charset=\"\"", "json",
    ];

    private static readonly string[] Accepts = ["text/csv", "application/xml", "*/*;q=0", "text/html", "x/y/z"];

    public IReadOnlyList<ApiOperation> Operations => operations;

    public FuzzRequest Render(FuzzCase fuzz)
    {
        var operation = operations[fuzz.Operation];
        var random = new Random(fuzz.Salt);
        var limit = operation.Name == "POST /api/orders" ? OrderBodyLimit : BodyLimit;
        var url = Path(operation, fuzz.Path, random) + Query(operation, fuzz.Query, random);
        JsonNode? valid = operation.Body is { } schema ? bodies.Valid(schema) : null;
        var body = BodyMutations.Render(fuzz.Body, valid, limit, random);
        string? contentType = body is null ? null : "application/json";
        var headers = new List<(string, string)>();
        var role = operation.Roles.Count > 0 ? operation.Roles[0] : null;
        if (role is not null) headers.Add(("Authorization", "Bearer " + tokenFor(role)));
        string? key = operation.Method is "POST" or "PUT" && random.Next(4) > 0 ? "fuzz-" + random.Next() : null;
        switch (fuzz.Header)
        {
            case HeaderFault.NoContentType:
                contentType = null;
                body ??= [];
                break;
            case HeaderFault.WrongContentType:
                contentType = ContentTypes[random.Next(ContentTypes.Length)];
                body ??= [];
                break;
            case HeaderFault.BadIdempotencyKey:
                key = new[] { "", " ", new string('k', 256), new string('k', 10_000), "\u043a\u043b\u044e\u0447",
                    "a\tb", "\u0000", new string('k', 255) }[random.Next(8)];
                break;
            case HeaderFault.MalformedAuthorization:
                headers.RemoveAll(h => h.Item1 == "Authorization");
                headers.Add(("Authorization", MalformedAuthorization(tokenFor(role ?? "customer"), random)));
                break;
            case HeaderFault.HugeHeader:
                headers.Add(("X-Fuzz-Padding", new string('p', 16 * 1024 + random.Next(64 * 1024))));
                break;
            case HeaderFault.ManyHeaders:
                headers.AddRange(Enumerable.Range(0, 300).Select(i => ($"X-Fuzz-{i}", "v")));
                break;
            case HeaderFault.OddAccept:
                headers.Add(("Accept", Accepts[random.Next(Accepts.Length)]));
                break;
        }
        if (key is not null) headers.Add(("Idempotency-Key", key));
        return new FuzzRequest(operation.Method, url, body, contentType, headers, fuzz.Path > 0, limit,
            key is { Length: > 0 and <= 255 });
    }

    public string Describe(FuzzCase fuzz)
    {
        var operation = operations[fuzz.Operation];
        return $"{operation.Name} body={fuzz.Body} path={(fuzz.Path == 0 ? "-" : "#" + fuzz.Path)} "
            + $"query={(fuzz.Query == 0 ? "-" : "#" + fuzz.Query)} header={fuzz.Header} salt={fuzz.Salt}";
    }

    private static string Path(ApiOperation operation, int fault, Random random)
    {
        var names = operation.Parameters.Where(p => p.In == "path").Select(p => p.Name).ToList();
        var odd = fault > 0 && names.Count > 0 ? names[random.Next(names.Count)] : null;
        var path = operation.Path;
        foreach (var name in names)
            path = path.Replace("{" + name + "}", name == odd ? BadValues.PathSegments[fault - 1] : Good(name),
                StringComparison.Ordinal);
        return fault > 0 && names.Count == 0 ? path + "/" + BadValues.PathSegments[fault - 1] : path;
    }

    private static string Query(ApiOperation operation, int fault, Random random)
    {
        var names = operation.Parameters.Where(p => p.In == "query").Select(p => p.Name).ToList();
        if (fault == 0) return names.Contains("limit") ? "?limit=10" : "";
        var name = names.Count > 0 && random.Next(4) > 0 ? names[random.Next(names.Count)]
            : new[] { "limit", "cursor", "unknown" }[random.Next(3)];
        var value = BadValues.QueryValues[fault - 1];
        return random.Next(3) == 0 ? $"?{name}=1&{name}={value}" : $"?{name}={value}";
    }

    private static string Good(string parameter) => parameter switch
    {
        "serial" => "1234567890123456",
        "accountId" => "fuzz-account-1",
        "orderId" => "0123456789abcdef0123456789abcdef",
        "lineId" => "00001",
        "entryId" => "ent_2",
        "org" => "org-fuzz",
        "name" => "redeem.js",
        _ => "fuzz-id",
    };

    private static string MalformedAuthorization(string token, Random random) => random.Next(10) switch
    {
        0 => "Bearer",
        1 => "Bearer ",
        2 => "Basic dXNlcjpwYXNz",
        3 => "Bearer x.y.z",
        4 => "Bearer " + token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
        5 => "Bearer " + token + "x",
        6 => "Bearer " + new string('t', 20_000),
        7 => "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWRtaW4iXX0.",
        8 => "Bearer " + token[..(token.Length / 2)],
        _ => "Token " + token,
    };
}
