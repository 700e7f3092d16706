namespace Gifting.Core.Ledger;

/// <summary>
/// What an operation wants to post, decided from the account's latest state; an order's entries say what they moved
/// (<see cref="Allocation"/>), and a debit names the request it answers (<see cref="Fingerprint"/>); an operator's
/// entry says who made it and why (<see cref="Note"/>).
/// </summary>
public sealed record LedgerChange(
    EntryType Type,
    Money Amount,
    BalanceState After,
    string Reference,
    Allocation? Allocation = null,
    string? Fingerprint = null,
    EntryNote? Note = null);
