using Gifting.Core;
using Gifting.Core.Ledger;

namespace Gifting.Testing;

/// <summary>
/// Each account's entries keyed by sequence number with a unique operation key, as the Cosmos ledger is: an append
/// fails if either is taken. Nothing is ever updated or deleted. The account's holds and preferences are kept beside
/// it, as the Cosmos account document keeps them, so one read of the account returns all three.
/// </summary>
public sealed class InMemoryLedgerStore : ILedgerStore
{
    public InMemoryHoldStore Holds { get; } = new();

    public InMemoryPreferencesStore Preferences { get; } = new();

    public InMemoryFreezeStore Freezes { get; } = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<AccountId, AccountEntries> _accounts = [];

    /// <summary>An account's entries, oldest first, for assertions.</summary>
    public IReadOnlyList<LedgerEntry> Entries(AccountId account)
    {
        lock (_gate) return _accounts.TryGetValue(account, out var entries) ? [.. entries.BySeq.Values] : [];
    }

    public Task<AccountState> ReadAccountAsync(AccountId account, CancellationToken cancellationToken)
    {
        LedgerEntry? latest;
        lock (_gate)
        {
            latest = _accounts.TryGetValue(account, out var entries) && entries.BySeq.Count > 0
                ? entries.BySeq.Values[^1]
                : null;
        }
        return Task.FromResult(new AccountState(latest, [.. Holds.List(account)], Preferences.Find(account))
        {
            Freeze = Freezes.Find(account),
        });
    }

    public Task<bool> TryAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (!_accounts.TryGetValue(entry.Account, out var entries))
                _accounts.Add(entry.Account, entries = new AccountEntries());
            if (entries.BySeq.ContainsKey(entry.Seq) || entries.ByOpKey.ContainsKey(entry.OpKey))
                return Task.FromResult(false);
            entries.BySeq.Add(entry.Seq, entry);
            entries.ByOpKey.Add(entry.OpKey, entry);
            return Task.FromResult(true);
        }
    }

    public Task<LedgerEntry?> FindByOpKeyAsync(AccountId account, string opKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_accounts.TryGetValue(account, out var entries)
                ? entries.ByOpKey.GetValueOrDefault(opKey)
                : null);
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> FindByReferenceAsync(
        AccountId account, string reference, long upToSeq, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<LedgerEntry> found = _accounts.TryGetValue(account, out var entries)
                ? entries.BySeq.Values.Where(e => e.Seq <= upToSeq && e.Reference == reference).ToList()
                : [];
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> ReadDescendingAsync(
        AccountId account, long fromSeq, int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<LedgerEntry> page = _accounts.TryGetValue(account, out var entries)
                ? entries.BySeq.Values.Where(e => e.Seq <= fromSeq).Reverse().Take(count).ToList()
                : [];
            return Task.FromResult(page);
        }
    }

    private sealed class AccountEntries
    {
        public SortedList<long, LedgerEntry> BySeq { get; } = [];
        public Dictionary<string, LedgerEntry> ByOpKey { get; } = new(StringComparer.Ordinal);
    }
}
