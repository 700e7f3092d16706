using System.Collections.Concurrent;
using Gifting.Core;
using Gifting.Core.Balances;

namespace Gifting.Testing;

public sealed class InMemoryPreferencesStore : IPreferencesStore
{
    private readonly ConcurrentDictionary<AccountId, Preferences> _saved = new();

    public Preferences? Find(AccountId account) => _saved.GetValueOrDefault(account);

    public Task SaveAsync(AccountId account, Preferences preferences, CancellationToken cancellationToken)
    {
        _saved[account] = preferences;
        return Task.CompletedTask;
    }
}
