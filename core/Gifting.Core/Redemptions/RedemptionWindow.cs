using System.Collections.Immutable;

namespace Gifting.Core.Redemptions;

/// <summary>A card counted against its claimant's velocity rules, with its value and when it was counted.</summary>
public sealed record CountedCard(string CardId, long Amount, string Currency, DateTimeOffset At);

/// <summary>
/// The cards counted into one account within the last 24 hours, as one read shows them; <see cref="ETag"/> is null
/// for an account with none counted yet.
/// </summary>
public sealed record RedemptionWindow(ImmutableArray<CountedCard> Cards, string? ETag)
{
    public static RedemptionWindow Empty { get; } = new([], null);
}

/// <summary>
/// One window per account, shared by every instance of the app. A write lands only on the version read (a window not
/// yet stored is created), so two redemptions into one account are counted one after the other, never over each other.
/// </summary>
public interface IRedemptionWindows
{
    Task<RedemptionWindow> ReadAsync(AccountId account, CancellationToken cancellationToken);

    /// <summary>Stores the cards if the window is still at <paramref name="etag"/>; false if it moved on.</summary>
    Task<bool> TryWriteAsync(
        AccountId account, ImmutableArray<CountedCard> cards, string? etag, CancellationToken cancellationToken);
}
