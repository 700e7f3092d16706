using System.Collections.Concurrent;
using Gifting.Infra.Cosmos;
using Gifting.Infra.Json;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Infrastructure;

/// <summary>What a request did to the database, as the SDK sent it.</summary>
public enum CosmosOperationKind
{
    PointRead, ReadFeed, Query, QueryPlan, Create, Replace, Upsert, Patch, Delete, Batch, Metadata,
}

/// <summary>One request the app's Cosmos client sent, by container (empty for account-level requests).</summary>
public sealed record CosmosOperation(
    string Container, CosmosOperationKind Kind, bool CrossPartition, string Resource = "")
{
    public bool IsDocument => Kind is not CosmosOperationKind.Metadata and not CosmosOperationKind.QueryPlan;

    public override string ToString() => Kind == CosmosOperationKind.Metadata
        ? $"{Kind} {Resource} {Container}".TrimEnd()
        : $"{Kind}{(CrossPartition ? " (cross-partition)" : "")} {(Container.Length == 0 ? "<account>" : Container)}";
}

/// <summary>
/// Records every request the app's Cosmos client sends, after the SDK has chosen its headers. It runs above the SDK's
/// retry policy, so a request the SDK retries inside itself counts once: a count is what the app asked for.
/// </summary>
public sealed class CosmosOperationCounter : RequestHandler
{
    private readonly ConcurrentQueue<CosmosOperation> _all = new();
    private ConcurrentQueue<CosmosOperation> _window = new();

    /// <summary>Every request seen since the client was built.</summary>
    public IReadOnlyList<CosmosOperation> All => _all.ToArray();

    /// <summary>The requests seen since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<CosmosOperation> Operations => _window.ToArray();

    public void Reset() => Interlocked.Exchange(ref _window, new ConcurrentQueue<CosmosOperation>());

    public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        var operation = Classify(request);
        _all.Enqueue(operation);
        _window.Enqueue(operation);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Makes the app's Cosmos client pass through <paramref name="counter"/>.</summary>
    public static void Install(IServiceCollection services, CosmosFixture cosmos, CosmosOperationCounter counter) =>
        services.AddSingleton(_ => GiftingContainers.CreateClient(cosmos.Options(), GiftingJson.Options, counter));

    /// <summary>
    /// Reads the kind from the URI, the method and the headers. Point operations name the item
    /// (dbs/{db}/colls/{container}/docs/{id}); creates, upserts, queries and batches are posted to the container's
    /// own link, where a GET or PUT is a read or replace of the container itself, which is metadata.
    /// </summary>
    public static CosmosOperation Classify(RequestMessage request)
    {
        var segments = request.RequestUri.OriginalString.Split('?')[0].Trim('/').Split('/');
        var container = segments.Length >= 4 && segments[2] == "colls" ? segments[3] : "";
        var toItem = segments.Length == 6 && segments[4] == "docs";
        var feed = segments.Length == 5 && segments[4] == "docs";
        var toItems = container.Length > 0 && (request.Method == HttpMethod.Post && (segments.Length == 4 || feed)
            || request.Method == HttpMethod.Get && feed);
        if (!toItem && !toItems)
        {
            var resource = $"{request.Method} {string.Join('/', segments.Skip(2).Where((_, i) => i % 2 == 0))}";
            return new CosmosOperation(container, CosmosOperationKind.Metadata, false, resource);
        }
        var kind = Kind(request, toItem);
        // On a query, only a partition key header keeps it in one partition; the emulator compatibility handler sets
        // the cross-partition header on every GET, so on point reads that header means nothing.
        var crossPartition = kind == CosmosOperationKind.Query && (
            IsTrue(request, "x-ms-documentdb-query-enablecrosspartition")
            || string.IsNullOrEmpty(request.Headers["x-ms-documentdb-partitionkey"]));
        return new CosmosOperation(container, kind, crossPartition);
    }

    private static CosmosOperationKind Kind(RequestMessage request, bool toItem)
    {
        if (IsTrue(request, "x-ms-cosmos-is-query-plan-request")) return CosmosOperationKind.QueryPlan;
        if (IsTrue(request, "x-ms-documentdb-isquery")) return CosmosOperationKind.Query;
        if (IsTrue(request, "x-ms-cosmos-is-batch-request")) return CosmosOperationKind.Batch;
        return request.Method.Method switch
        {
            "GET" => toItem ? CosmosOperationKind.PointRead : CosmosOperationKind.ReadFeed,
            "PUT" => CosmosOperationKind.Replace,
            "PATCH" => CosmosOperationKind.Patch,
            "DELETE" => CosmosOperationKind.Delete,
            _ when IsTrue(request, "x-ms-documentdb-is-upsert") => CosmosOperationKind.Upsert,
            _ => CosmosOperationKind.Create,
        };
    }

    private static bool IsTrue(RequestMessage request, string header) =>
        string.Equals(request.Headers[header], "True", StringComparison.OrdinalIgnoreCase);
}
