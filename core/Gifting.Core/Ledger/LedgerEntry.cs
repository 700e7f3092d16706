namespace Gifting.Core.Ledger;

/// <summary>
/// One immutable ledger entry. <see cref="Seq"/> orders an account's entries without gaps; <see cref="OpKey"/> names
/// the operation that caused it (a card, a refund, a debit), so posting the same operation twice finds the first.
/// <see cref="Allocation"/> and <see cref="Fingerprint"/> are those of its <see cref="LedgerChange"/>; entries
/// posted before they existed have neither.
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
    string Reference,
    Allocation? Allocation = null,
    string? Fingerprint = null,
    EntryNote? Note = null);
