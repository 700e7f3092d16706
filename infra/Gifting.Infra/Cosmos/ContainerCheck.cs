using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Compares a container as provisioned with its definition in <see cref="GiftingContainers.Definitions"/>. Only the
/// settings correctness depends on: the partition key (every document and point read is keyed on it), the unique
/// keys (the ledger's <c>/opKey</c> is what turns a redelivery into a 409 instead of a second posting), time to live
/// (on where records carry a <c>ttl</c>, as they are only removed when it is; no default where documents must be
/// kept) and the indexing of every path a query filters on (a query on a path the index leaves out scans a whole
/// partition, an account's every entry, and a container with indexing off answers no query). Indexing more than
/// defined is no problem: it only costs writes more.
/// </summary>
public static class ContainerCheck
{
    public static IEnumerable<string> Problems(ContainerProperties expected, ContainerProperties actual)
    {
        var name = expected.Id;
        var paths = actual.PartitionKeyPaths ?? [];
        if (!paths.SequenceEqual(expected.PartitionKeyPaths))
            yield return $"container '{name}' has the partition key path {Describe(paths)}, but it must be "
                + $"{Describe(expected.PartitionKeyPaths)}. Recreate the container.";
        foreach (var unique in expected.UniqueKeyPolicy?.UniqueKeys ?? [])
        {
            if (actual.UniqueKeyPolicy?.UniqueKeys.Any(k => k.Paths.ToHashSet().SetEquals(unique.Paths)) == true)
                continue;
            yield return $"container '{name}' lacks the unique key {Describe(unique.Paths)} (uniqueKeyPolicy): "
                + "without it a replayed operation is posted twice. A unique key can only be set when the container "
                + "is created: recreate it.";
        }
        if (expected.DefaultTimeToLive is not null && actual.DefaultTimeToLive is null)
            yield return $"container '{name}' has time to live off (defaultTtl), so the ttl of its documents "
                + $"never removes them. Turn it on with the default {expected.DefaultTimeToLive}.";
        // -1 only honours a ttl a document carries, and these documents carry none; a default deletes every one.
        if (expected.DefaultTimeToLive is null && actual.DefaultTimeToLive is { } ttl and not -1)
            yield return $"container '{name}' deletes its documents after {ttl} seconds (defaultTtl), but they "
                + "must be kept for good: ledger and funding entries, refund claims, cards, expiry entries. Turn "
                + "time to live off.";
        var missing = expected.IndexingPolicy.IncludedPaths.Select(p => p.Path)
            .Where(p => !IndexingPolicies.Indexes(actual.IndexingPolicy ?? new IndexingPolicy(), p)).ToList();
        if (missing.Count > 0)
            yield return $"container '{name}' does not index {string.Join(", ", missing)} (indexingPolicy), which "
                + "its queries filter on, so they would scan every document of a partition or fail. Include the "
                + "paths; an indexing policy can be changed in place.";
    }

    private static string Describe(IEnumerable<string> paths) =>
        string.Join(" + ", paths) is { Length: > 0 } joined ? joined : "(none)";
}
