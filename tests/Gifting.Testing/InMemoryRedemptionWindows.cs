using System.Collections.Immutable;
using Gifting.Core;
using Gifting.Core.Redemptions;

namespace Gifting.Testing;

/// <summary>One window per account with a version that every write moves on, as a Cosmos ETag does.</summary>
public sealed class InMemoryRedemptionWindows : IRedemptionWindows
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AccountId, (ImmutableArray<CountedCard> Cards, int Version)> _windows = [];

    public Task<RedemptionWindow> ReadAsync(AccountId account, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_windows.TryGetValue(account, out var w)
                ? new RedemptionWindow(w.Cards, w.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : RedemptionWindow.Empty);
        }
    }

    public Task<bool> TryWriteAsync(
        AccountId account, ImmutableArray<CountedCard> cards, string? etag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var current = _windows.TryGetValue(account, out var w)
                ? w.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : null;
            if (current != etag) return Task.FromResult(false);
            _windows[account] = (cards, w.Version + 1);
            return Task.FromResult(true);
        }
    }

    /// <summary>The cards counted into an account, for assertions.</summary>
    public IReadOnlyList<CountedCard> Counted(AccountId account)
    {
        lock (_gate) return _windows.TryGetValue(account, out var w) ? w.Cards : [];
    }
}
