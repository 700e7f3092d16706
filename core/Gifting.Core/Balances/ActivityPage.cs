using Gifting.Core.Ledger;

namespace Gifting.Core.Balances;

/// <summary>
/// A page of ledger entries, newest first; <see cref="NextBefore"/> is where the next page starts, if any.
/// </summary>
public sealed record ActivityPage(IReadOnlyList<LedgerEntry> Entries, long? NextBefore);
