using Gifting.Core.Cards;

namespace Gifting.Core.Redemptions;

/// <summary>
/// The fraud rule: a redemption of a card worth at least the threshold for its currency waits for review.
/// </summary>
public sealed class ReviewPolicy(IReadOnlyDictionary<string, long> thresholds)
{
    public static ReviewPolicy None { get; } = new(new Dictionary<string, long>());

    public bool Holds(Card card) =>
        thresholds.TryGetValue(card.Value.Currency, out var threshold) && card.Value.Amount >= threshold;
}
