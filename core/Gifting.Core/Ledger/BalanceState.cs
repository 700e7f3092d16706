using System.Collections.Immutable;

namespace Gifting.Core.Ledger;

/// <summary>An account's balance after an entry: gift value and the promotional lots still open.</summary>
public sealed record BalanceState(long Gift, ImmutableArray<PromoLot> Lots)
{
    public static BalanceState Empty { get; } = new(0, []);

    public long Promotional => Lots.Sum(l => l.Amount);

    public long Total => Gift + Promotional;
}
