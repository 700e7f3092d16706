using System.Collections.Concurrent;
using Gifting.Core;
using Gifting.Core.Freezes;

namespace Gifting.Testing;

/// <summary>
/// Freeze records create-only by subject and version, as the Cosmos store keeps them; an account's applied freeze is
/// kept here too and read back with the account by <see cref="InMemoryLedgerStore"/>, as the account document does.
/// </summary>
public sealed class InMemoryFreezeStore : IFreezeStore
{
    private readonly ConcurrentDictionary<(FreezeSubject, int), FreezeState> _records = new();
    private readonly ConcurrentDictionary<AccountId, FreezeState> _accounts = new();

    public Task<bool> TryAddAsync(FreezeSubject subject, FreezeState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Task.FromResult(_records.TryAdd((subject, state.Version), state));
    }

    public Task<FreezeState?> FindAsync(FreezeSubject subject, int version, CancellationToken cancellationToken) =>
        Task.FromResult(_records.GetValueOrDefault((subject, version)));

    public Task ApplyToAccountAsync(AccountId account, FreezeState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        _accounts.AddOrUpdate(account, state, (_, shown) => shown.Version >= state.Version ? shown : state);
        return Task.CompletedTask;
    }

    /// <summary>Every record of a subject, oldest first, for assertions.</summary>
    public IReadOnlyList<FreezeState> History(FreezeSubject subject) =>
        [.. _records.Where(r => r.Key.Item1 == subject).Select(r => r.Value).OrderBy(r => r.Version)];

    public FreezeState? Find(AccountId account) => _accounts.GetValueOrDefault(account);
}
