using System.Collections.Concurrent;
using Gifting.Core;
using Gifting.Core.Redemptions;

namespace Gifting.Testing;

public sealed class InMemoryHoldStore : IHoldStore
{
    private readonly ConcurrentDictionary<(AccountId, string), Hold> _holds = new();

    public Task PutAsync(AccountId account, Hold hold, CancellationToken cancellationToken)
    {
        _holds[(account, hold.CardId)] = hold;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(AccountId account, string cardId, CancellationToken cancellationToken)
    {
        _holds.TryRemove((account, cardId), out _);
        return Task.CompletedTask;
    }

    /// <summary>Every hold with its account, in no order.</summary>
    public IReadOnlyList<(AccountId Account, Hold Hold)> All() => [.. _holds.Select(h => (h.Key.Item1, h.Value))];

    public IReadOnlyList<Hold> List(AccountId account) =>
        _holds.Where(h => h.Key.Item1 == account).Select(h => h.Value).ToList();
}
