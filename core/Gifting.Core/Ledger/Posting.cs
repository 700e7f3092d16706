namespace Gifting.Core.Ledger;

/// <summary>A posted entry; <see cref="Replayed"/> when the operation had been posted before.</summary>
public sealed record Posting(LedgerEntry Entry, bool Replayed);
