using Gifting.Core.Cards;

namespace Gifting.Core.Redemptions;

/// <summary>The fraud rule: a redemption of a card worth at least the threshold for its currency waits for review.</summary>
public sealed class ReviewPolicy(IReadOnlyDictionary<string, long> thresholds)
{
    public static ReviewPolicy None { get; } = new(new Dictionary<string, long>());

    public bool Holds(Card card) => thresholds.TryGetValue(card.Value.Currency, out var threshold) && card.Value.Amount >= threshold;
}

/// <summary>A redemption held for review, kept beside the claimant's balance so it can show what is pending.</summary>
public sealed record Hold(string CardId, string Serial, string RedemptionId, Money Amount);

public interface IHoldStore
{
    /// <summary>Records the hold; recording it again is harmless.</summary>
    Task PutAsync(AccountId account, Hold hold, CancellationToken cancellationToken);

    Task RemoveAsync(AccountId account, string cardId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Hold>> ListAsync(AccountId account, CancellationToken cancellationToken);
}
