using Gifting.Core.Orders;

namespace Gifting.Testing;

/// <summary>Entries ordered by when their work began, as the Cosmos index's hour partitions are read.</summary>
public sealed class InMemoryUnfinishedOrderIndex()
    : InMemoryTimeIndex<UnfinishedOrder>(
        e => e.Since, (x, y) => string.CompareOrdinal($"{x.Org}\n{x.OrderId}", $"{y.Org}\n{y.OrderId}")),
        IUnfinishedOrderIndex;
