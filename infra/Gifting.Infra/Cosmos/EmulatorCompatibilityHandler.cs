using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Makes the local wire-protocol emulator answer as Cosmos DB does where it differs. Only installed when talking to
/// the emulator.
/// <list type="bullet">
/// <item>It answers a point read of a missing item with 500 unless this header is present; with it, 404.</item>
/// <item>It judges a patch's filter predicate by querying the whole container for the document's id, so with one
/// <c>account</c> document per partition a patch lands whenever any account meets the filter. The predicate is sent
/// as a full query scoped to the request's partition instead, which the emulator runs as written (it lower-cases
/// other forms, partition keys included).</item>
/// </list>
/// </summary>
internal sealed class EmulatorCompatibilityHandler : RequestHandler
{
    private const string PartitionKeyHeader = "x-ms-documentdb-partitionkey";

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get)
            request.Headers.Set("x-ms-documentdb-query-enablecrosspartition", "True");
        if (request.Method == HttpMethod.Patch && request.Content is not null
            && request.Headers[PartitionKeyHeader] is { Length: > 0 } partitionKey)
            request.Content = await ScopeConditionAsync(request.Content, partitionKey, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    private static async Task<Stream> ScopeConditionAsync(
        Stream content, string partitionKey, CancellationToken cancellationToken)
    {
        var body = await JsonNode.ParseAsync(content, cancellationToken: cancellationToken);
        if (body is JsonObject patch && patch["condition"]?.GetValue<string>() is { } condition
            && JsonNode.Parse(partitionKey) is JsonArray { Count: 1 } key
            && key[0]?.GetValueKind() == JsonValueKind.String
            && condition.StartsWith("FROM c WHERE ", StringComparison.OrdinalIgnoreCase))
        {
            var predicate = condition["FROM c WHERE ".Length..];
            patch["condition"] =
                $"SELECT * FROM c WHERE c.id = @id AND c.pk = {key[0]!.ToJsonString()} AND ({predicate})";
        }
        var scoped = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(scoped)) body!.WriteTo(writer);
        scoped.Position = 0;
        return scoped;
    }
}
