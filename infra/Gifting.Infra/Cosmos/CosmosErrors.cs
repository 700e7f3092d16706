using System.Net;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

internal static class CosmosErrors
{
    public static bool IsConflict(this CosmosException e) => e.StatusCode == HttpStatusCode.Conflict;

    public static bool IsNotFound(this CosmosException e) => e.StatusCode == HttpStatusCode.NotFound;

    public static bool IsStale(this CosmosException e) => e.StatusCode == HttpStatusCode.PreconditionFailed;

    /// <summary>A point read that answers null for a missing item.</summary>
    public static async Task<(T? Item, string? ETag)> ReadOrNullAsync<T>(
        this Container container, string id, string partitionKey, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var response = await container.ReadItemAsync<T>(
                id, new PartitionKey(partitionKey), cancellationToken: cancellationToken);
            return (response.Resource, response.ETag);
        }
        catch (CosmosException e) when (e.IsNotFound())
        {
            return (null, null);
        }
    }

    /// <summary>
    /// Runs a query inside one logical partition. The query must also filter on <c>c.pk</c>: the local emulator
    /// ignores the partition key of a query and scans every partition.
    /// </summary>
    public static async Task<List<T>> QueryPartitionAsync<T>(
        this Container container, QueryDefinition query, string partitionKey, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        using var iterator = container.GetItemQueryIterator<T>(
            query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey) });
        while (iterator.HasMoreResults)
            results.AddRange(await iterator.ReadNextAsync(cancellationToken));
        return results;
    }
}
