using System.Collections.Immutable;

namespace Gifting.Core.Ledger;

/// <summary>
/// What an order's entry moved: for a debit, what it took from the gift balance and from each promotional lot; for a
/// refund, what it gave back to each, and the promotional value it could not give back because the lot had expired.
/// A refund reads these to know what is left to give back for the order, and where it goes.
/// </summary>
public sealed record Allocation(long Gift, ImmutableArray<PromoLot> Lots, ImmutableArray<PromoLot> Forfeited)
{
    public long Promotional => Lots.Sum(l => l.Amount);

    public long ForfeitedAmount => Forfeited.Sum(l => l.Amount);
}
