using System.Collections.Immutable;

namespace Gifting.Core.Ledger;

/// <summary>An account's balance after an entry: gift value and the promotional lots still open.</summary>
public sealed record BalanceState(long Gift, ImmutableArray<PromoLot> Lots)
{
    /// <summary>
    /// The most one account may hold, in minor units: far above any real balance, and far enough below
    /// <see cref="long.MaxValue"/> that no sum of bounded amounts on a balance within it can overflow.
    /// </summary>
    public const long MaxTotal = 100_000_000_000_000;

    public static BalanceState Empty { get; } = new(0, []);

    /// <summary>
    /// Whether this balance holds more than <see cref="MaxTotal"/>, summed without any risk of overflow.
    /// </summary>
    public bool ExceedsMaximum
    {
        get
        {
            var total = (Int128)Gift;
            foreach (var lot in Lots) total += lot.Amount;
            return total > MaxTotal;
        }
    }

    public long Promotional => Lots.Sum(l => l.Amount);

    public long Total => Gift + Promotional;
}
