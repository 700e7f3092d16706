namespace Gifting.Core.Ledger;

/// <summary>What an operation wants to post, decided from the account's latest state.</summary>
public sealed record LedgerChange(EntryType Type, Money Amount, BalanceState After, string Reference);
