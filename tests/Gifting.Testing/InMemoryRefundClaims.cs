using System.Collections.Concurrent;
using Gifting.Core;
using Gifting.Core.Refunds;

namespace Gifting.Testing;

/// <summary>One claim per refund id, first writer wins, as the create-only claim document is.</summary>
public sealed class InMemoryRefundClaims : IRefundClaims
{
    private readonly ConcurrentDictionary<string, AccountId> _claims = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, AccountId> Claims => _claims;

    public Task<AccountId> ClaimAsync(string refundId, AccountId account, CancellationToken cancellationToken) =>
        Task.FromResult(_claims.GetOrAdd(refundId, account));
}
