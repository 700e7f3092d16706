using Gifting.Core.Redemptions;

namespace Gifting.Testing;

/// <summary>Entries ordered by when their step began, as the Cosmos index's hour partitions are read.</summary>
public sealed class InMemoryUnfinishedRedemptionIndex()
    : InMemoryTimeIndex<UnfinishedRedemption>(
        e => e.Since, (x, y) => string.CompareOrdinal(x.RedemptionId, y.RedemptionId)),
        IUnfinishedRedemptionIndex;
