using Gifting.Core.Promotions;

namespace Gifting.Testing;

/// <summary>
/// Entries ordered by expiry, as a Cosmos container queried on an indexed <c>expiresAt</c> is. An entry is
/// identified by account, lot and expiry together.
/// </summary>
public sealed class InMemoryExpiryIndex() : InMemoryTimeIndex<ExpiringLot>(l => l.ExpiresAt, Identity), IExpiryIndex
{
    private static int Identity(ExpiringLot x, ExpiringLot y)
    {
        var byAccount = string.CompareOrdinal(x.Account.Value, y.Account.Value);
        return byAccount != 0 ? byAccount : string.CompareOrdinal(x.LotId, y.LotId);
    }
}
