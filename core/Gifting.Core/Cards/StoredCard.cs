namespace Gifting.Core.Cards;

/// <summary>A card as read, with the version a conditional write must match.</summary>
public sealed record StoredCard(Card Card, string ETag);
