using Gifting.Core.Ledger;

namespace Gifting.Core.Balances;

/// <summary>An account's ledger, a page at a time, newest first.</summary>
public sealed class GetActivity(AccountLedger ledger, ILedgerStore store)
{
    public async Task<ActivityPage> ExecuteAsync(
        AccountId account, long? before, int limit, CancellationToken cancellationToken)
    {
        var from = before is { } b ? b - 1 : (await ledger.ReadAsync(account, cancellationToken)).Seq;
        if (from < 1) return new ActivityPage([], null);
        var entries = await store.ReadDescendingAsync(account, from, limit, cancellationToken);
        var last = entries.Count == 0 ? 1 : entries[^1].Seq;
        return new ActivityPage(entries, last > 1 ? last : null);
    }
}
