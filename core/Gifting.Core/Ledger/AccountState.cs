using System.Collections.Immutable;
using Gifting.Core.Balances;
using Gifting.Core.Redemptions;

namespace Gifting.Core.Ledger;

/// <summary>
/// What one read of an account gives: its latest entry (null before the first), the redemptions into it held for
/// review, and the shopper's preferences (null until set). Every balance answer is made from one of these, so the
/// balance, what is pending and what may be spent are always of the same moment.
/// </summary>
public sealed record AccountState(LedgerEntry? Latest, ImmutableArray<Hold> Holds, Preferences? Preferences)
{
    public static AccountState Empty { get; } = new(null, [], null);

    public long Seq => Latest?.Seq ?? 0;

    public BalanceState Balance => Latest?.After ?? BalanceState.Empty;

    /// <summary>The account's freeze as its latest applied history record set it; null if never frozen.</summary>
    public Freezes.FreezeState? Freeze { get; init; }

    public bool Frozen => Freeze?.Frozen == true;
}
