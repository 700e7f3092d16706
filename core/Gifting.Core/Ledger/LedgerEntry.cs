using System.Collections.Immutable;

namespace Gifting.Core.Ledger;

public enum EntryType { Redemption, Debit, Refund, PromoGrant, PromoExpiry, Reload, Adjustment, Reversal }

/// <summary>A slice of promotional credit with its own expiry. Spent soonest-expiring first.</summary>
public sealed record PromoLot(string LotId, long Amount, DateTimeOffset ExpiresAt, string Source);

/// <summary>An account's balance after an entry: gift value and the promotional lots still open.</summary>
public sealed record BalanceState(long Gift, ImmutableArray<PromoLot> Lots)
{
    public static BalanceState Empty { get; } = new(0, []);

    public long Promotional => Lots.Sum(l => l.Amount);

    public long Total => Gift + Promotional;
}

/// <summary>
/// One immutable ledger entry. <see cref="Seq"/> orders an account's entries without gaps; <see cref="OpKey"/> names
/// the operation that caused it (a card, a refund, a debit), so posting the same operation twice finds the first.
/// </summary>
public sealed record LedgerEntry(
    AccountId Account,
    long Seq,
    string OpKey,
    EntryType Type,
    Money Amount,
    BalanceState After,
    Marketplace Marketplace,
    DateTimeOffset OccurredAt,
    string Reference);
