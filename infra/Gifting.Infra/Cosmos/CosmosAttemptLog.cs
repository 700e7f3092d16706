using Gifting.Core.Redemptions;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>One counter document per key and window, incremented atomically with a patch.</summary>
public sealed class CosmosAttemptLog(GiftingContainers containers) : IAttemptLog
{
    private Container Throttles => containers.Throttles;

    public async Task<long> CountAsync(string key, CancellationToken cancellationToken)
    {
        var (counter, _) = await Throttles.ReadOrNullAsync<CounterDocument>(key, key, cancellationToken);
        return counter?.Count ?? 0;
    }

    public async Task RecordAsync(string key, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        var partition = new PartitionKey(key);
        while (true)
        {
            try
            {
                await Throttles.PatchItemAsync<CounterDocument>(key, partition, [PatchOperation.Increment("/count", 1)],
                    cancellationToken: cancellationToken);
                return;
            }
            catch (CosmosException e) when (e.IsNotFound())
            {
                try
                {
                    var ttl = (int)Math.Ceiling(keepFor.TotalSeconds) + 60;
                    await Throttles.CreateItemAsync(new CounterDocument(key, key, 1, ttl), partition,
                        cancellationToken: cancellationToken);
                    return;
                }
                catch (CosmosException c) when (c.IsConflict())
                {
                    // Another instance created it first: increment theirs.
                }
            }
        }
    }

    internal sealed record CounterDocument(string Id, string Pk, long Count, int Ttl);
}
