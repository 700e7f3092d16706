namespace Gifting.Core.Ledger;

public interface ILedgerStore
{
    /// <summary>
    /// The account as one read shows it: the latest entry applied to it (a newer entry may exist that a crash left
    /// unapplied; the next append at its sequence number finds it and applies it first), its holds and preferences.
    /// </summary>
    Task<AccountState> ReadAccountAsync(AccountId account, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the entry only if neither its sequence number nor its operation key is taken, then applies it to the
    /// account. False on either clash, after applying whatever entry holds the sequence number, so a read that follows
    /// is past it; the caller tells the clashes apart with <see cref="FindByOpKeyAsync"/>.
    /// </summary>
    Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>The operation's entry, applied to the account if a crash had left it unapplied.</summary>
    Task<LedgerEntry?> FindByOpKeyAsync(AccountId account, string opKey, CancellationToken cancellationToken);

    /// <summary>
    /// The entries with this reference (an order's debits and refunds) up to <paramref name="upToSeq"/>, in any order.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="count"/> entries from <paramref name="fromSeq"/> downwards, newest first.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken);
}
