using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// The ledger writer reads the account document it patched last before it appends the next entry: that read must see
/// the client's own writes, which Session consistency or stronger guarantees.
/// </summary>
public static class ConsistencyCheck
{
    public static string? Problem(ConsistencyLevel account, ConsistencyLevel? client)
    {
        if (client is { } asked && Strength(asked) > Strength(account))
            return $"the client asks for {asked} consistency but the account's default is {account}; a client can "
                + "only weaken the account's consistency, and Cosmos DB refuses such requests. Raise the account's "
                + "default consistency instead.";
        var effective = client ?? account;
        if (Strength(effective) < Strength(ConsistencyLevel.Session))
        {
            var source = client is null ? "the account's default" : "the client's setting";
            return $"reads run at {effective} consistency ({source}), but the ledger's account read relies on reading "
                + "its own writes: use Session or stronger.";
        }
        return null;
    }

    private static int Strength(ConsistencyLevel level) => level switch
    {
        ConsistencyLevel.Eventual => 0,
        ConsistencyLevel.ConsistentPrefix => 1,
        ConsistencyLevel.Session => 2,
        ConsistencyLevel.BoundedStaleness => 3,
        ConsistencyLevel.Strong => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown consistency level."),
    };
}
