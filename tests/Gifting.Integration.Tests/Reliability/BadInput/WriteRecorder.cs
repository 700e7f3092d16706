using System.Collections.Concurrent;
using Gifting.Infra.Cosmos;
using Gifting.Infra.Json;
using Microsoft.Azure.Cosmos;

namespace Gifting.Integration.Tests.Reliability.BadInput;

/// <summary>
/// Sits on the app's Cosmos DB connection and keeps every document write (create, replace, upsert, patch,
/// delete, batch) that succeeded since the last <see cref="Take"/>: what a case changed, cheaply, without
/// scanning the containers.
/// </summary>
public sealed class WriteRecorder : RequestHandler
{
    private readonly ConcurrentQueue<CosmosOperation> _writes = new();

    /// <summary>The writes seen since the last call, which forgets them.</summary>
    public IReadOnlyList<CosmosOperation> Take()
    {
        var taken = new List<CosmosOperation>();
        while (_writes.TryDequeue(out var write)) taken.Add(write);
        return taken;
    }

    public override async Task<ResponseMessage> SendAsync(
        RequestMessage request, CancellationToken cancellationToken)
    {
        var operation = CosmosOperationCounter.Classify(request);
        var response = await base.SendAsync(request, cancellationToken);
        // A create that conflicts or a conditional patch whose filter fails changed nothing: only successes count.
        if (response.IsSuccessStatusCode && operation.Kind is CosmosOperationKind.Create
                or CosmosOperationKind.Replace or CosmosOperationKind.Upsert or CosmosOperationKind.Patch
                or CosmosOperationKind.Delete or CosmosOperationKind.Batch)
            _writes.Enqueue(operation);
        return response;
    }

    /// <summary>Makes the app's Cosmos client pass through <paramref name="recorder"/>.</summary>
    public static void Install(IServiceCollection services, CosmosFixture cosmos, WriteRecorder recorder) =>
        services.AddSingleton(_ => GiftingContainers.CreateClient(cosmos.Options(), GiftingJson.Options, recorder));
}
