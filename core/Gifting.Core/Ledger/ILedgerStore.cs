namespace Gifting.Core.Ledger;

public interface ILedgerStore
{
    /// <summary>The entry with the highest sequence number, or null for an account with no entries.</summary>
    Task<LedgerEntry?> ReadLatestAsync(AccountId account, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the entry only if neither its sequence number nor its operation key is taken. False on either clash;
    /// the caller tells them apart with <see cref="FindByOpKeyAsync"/>.
    /// </summary>
    Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken);

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
