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

    /// <summary>Why the rule holds the card, or null when it does not.</summary>
    public HoldReason? Reason(Card card) => Holds(card)
        ? new HoldReason(HoldReason.ValueThreshold,
            $"A card worth {card.Value.Amount} minor units is at or above the {card.Value.Currency} review threshold.")
        : null;
}
