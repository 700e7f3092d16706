using Gifting.Core.Concurrency;
using Gifting.Core.Liability;

namespace Gifting.Core.Ledger;

/// <summary>
/// Appends to an account's ledger with optimistic concurrency: read the account, decide, write create-only at the
/// next sequence number. A lost race re-reads and decides again; a repeated operation finds its first entry, so an
/// operation is posted once however often and however concurrently it is attempted.
/// </summary>
public sealed class AccountLedger
{
    private readonly ILedgerStore store;
    private readonly TimeProvider clock;
    private readonly LedgerTotals? totals;

    /// <summary>A shopper's ledger; every entry posted or found is counted into <paramref name="liability"/>.</summary>
    public AccountLedger(ILedgerStore store, TimeProvider clock, ILiabilityTotals? liability = null)
        : this(store, clock, liability is null ? null : new LedgerTotals(liability, funding: false))
    {
    }

    internal AccountLedger(ILedgerStore store, TimeProvider clock, LedgerTotals? totals)
    {
        this.store = store;
        this.clock = clock;
        this.totals = totals;
    }

    public Task<AccountState> ReadAsync(AccountId account, CancellationToken cancellationToken) =>
        store.ReadAccountAsync(account, cancellationToken);

    public Task<Result<Posting>> PostAsync(
        AccountId account,
        Marketplace marketplace,
        string opKey,
        Func<BalanceState, Result<LedgerChange>> decide,
        CancellationToken cancellationToken) =>
        PostAsync(account, marketplace, opKey, decide, known: null, cancellationToken);

    /// <summary>
    /// As the other overload, deciding first on <paramref name="known"/>, the account as the caller has just read it:
    /// the write at the next number after it fails if anything was posted since, so a stale read costs a retry, never a
    /// wrong entry.
    /// </summary>
    public Task<Result<Posting>> PostAsync(
        AccountId account,
        Marketplace marketplace,
        string opKey,
        Func<BalanceState, Result<LedgerChange>> decide,
        AccountState? known,
        CancellationToken cancellationToken) =>
        PostAsync(account, marketplace, opKey, (_, _) => Task.FromResult(true), (balance, _) => decide(balance),
            known, cancellationToken);

    public Task<Result<Posting>> PostAsync<TRead>(
        AccountId account,
        Marketplace marketplace,
        string opKey,
        Func<long, CancellationToken, Task<TRead>> read,
        Func<BalanceState, TRead, Result<LedgerChange>> decide,
        CancellationToken cancellationToken) =>
        PostAsync(account, marketplace, opKey, read, decide, known: null, cancellationToken);

    /// <summary>
    /// For a decision that needs more of the ledger than the balance: <paramref name="read"/> gets the sequence number
    /// the balance is at and reads what else it needs up to there. A write at the next number fails if anything was
    /// posted meanwhile, so what was read is still all there is when the entry lands.
    /// </summary>
    public Task<Result<Posting>> PostAsync<TRead>(
        AccountId account,
        Marketplace marketplace,
        string opKey,
        Func<long, CancellationToken, Task<TRead>> read,
        Func<BalanceState, TRead, Result<LedgerChange>> decide,
        AccountState? known,
        CancellationToken cancellationToken) =>
        PostOnStateAsync(account, marketplace, opKey, read, (state, extra) => decide(state.Balance, extra), known,
            cancellationToken);

    /// <summary>
    /// For a decision that needs the account beyond its balance (whether it is frozen): <paramref name="decide"/>
    /// sees the account as read for each attempt, so an attempt that lost a race decides again on what is there now.
    /// </summary>
    public Task<Result<Posting>> PostOnAccountAsync(
        AccountId account,
        Marketplace marketplace,
        string opKey,
        Func<AccountState, Result<LedgerChange>> decide,
        AccountState? known,
        CancellationToken cancellationToken) =>
        PostOnStateAsync(account, marketplace, opKey, (_, _) => Task.FromResult(true), (state, _) => decide(state),
            known, cancellationToken);

    private async Task<Result<Posting>> PostOnStateAsync<TRead>(
        AccountId account,
        Marketplace marketplace,
        string opKey,
        Func<long, CancellationToken, Task<TRead>> read,
        Func<AccountState, TRead, Result<LedgerChange>> decide,
        AccountState? known,
        CancellationToken cancellationToken)
    {
        BalanceState? decidedOn = null;
        var first = known;
        var posting = await OptimisticRetry.RunAsync<Posting>($"the ledger of account {account}", async () =>
        {
            var state = first ?? await store.ReadAccountAsync(account, cancellationToken);
            first = null;
            var latest = state.Latest;
            var decision = latest is not null && latest.Marketplace != marketplace
                ? new Failure(ErrorCode.RegionMismatch,
                    $"This account's balance is in marketplace {latest.Marketplace}.")
                : decide(state, await read(state.Seq, cancellationToken));
            if (decision.Succeeded && decision.Value.After.ExceedsMaximum)
                decision = new Failure(ErrorCode.ValidationFailed,
                    "This would take the balance past the most one account may hold.");
            if (!decision.Succeeded)
            {
                // A refusal may only be the balance moving on after this very operation was posted.
                var earlier = await store.FindByOpKeyAsync(account, opKey, cancellationToken);
                return earlier is null ? decision.Failure! : new Posting(earlier, Replayed: true, state.Holds);
            }

            var change = decision.Value;
            if (change.After.Gift < 0 || change.After.Lots.Any(l => l.Amount < 0))
                throw new InvalidOperationException("A ledger change would make a balance negative.");
            var entry = new LedgerEntry(account, state.Seq + 1, opKey, change.Type, change.Amount,
                change.After, marketplace, clock.GetUtcNow(), change.Reference, change.Allocation, change.Fingerprint,
                change.Note);
            if (await store.TryAppendAsync(entry, cancellationToken))
            {
                decidedOn = state.Balance;
                return new Posting(entry, Replayed: false, state.Holds);
            }

            var existing = await store.FindByOpKeyAsync(account, opKey, cancellationToken);
            if (existing is null) return null;
            return new Posting(existing, Replayed: true, state.Holds);
        }, cancellationToken);
        // Counted after the entry is written, by this run and by any later one that finds it (a retry, a sweeper).
        if (totals is not null && posting.Succeeded)
            await totals.CountAsync(
                store, posting.Value, posting.Value.Replayed ? null : decidedOn, CancellationToken.None);
        return posting;
    }
}
