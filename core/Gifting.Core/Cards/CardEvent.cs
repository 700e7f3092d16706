namespace Gifting.Core.Cards;

/// <summary>What happened to a card, as its own document records it: never its code.</summary>
public enum CardEventType { Issued, Activated, Claimed, Held, Reviewed, Redeemed, Cancelled }

/// <summary>
/// One step of a card's life: when, who did it where the card records that (<c>sub</c> of the issuer, the retailer,
/// the reviewer), and the account and redemption it concerned.
/// </summary>
public sealed record CardEvent(
    CardEventType Type, DateTimeOffset At, string? By = null, AccountId? Account = null, string? RedemptionId = null,
    string? Detail = null);
