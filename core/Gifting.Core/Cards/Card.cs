namespace Gifting.Core.Cards;

public enum CardKind { Digital, Physical }

/// <summary>
/// <c>Redeeming</c> and <c>Held</c> are internal. Redeeming: the card is claimed by one account and its credit is being
/// posted; anyone who meets a card in that state finishes the claimant's redemption, so a crash between the writes
/// never strands value. Held: a fraud rule holds the claimant's redemption until support approves or declines it.
/// </summary>
public enum CardStatus { Inactive, Active, Redeeming, Redeemed, Cancelled, Held }

public sealed record Card
{
    public required string CardId { get; init; }
    public required string Serial { get; init; }
    public required string CodeHash { get; init; }
    public required string Last4 { get; init; }
    public required Money Value { get; init; }
    public required Marketplace Marketplace { get; init; }
    public required CardKind Kind { get; init; }
    public required CardStatus Status { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public string? IssuedBy { get; init; }
    public DateTimeOffset? ActivatedAt { get; init; }
    public string? ActivatedBy { get; init; }
    public string? ReceiptRef { get; init; }
    public string? ClaimedBy { get; init; }
    public string? RedemptionId { get; init; }
    public DateTimeOffset? RedeemedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public string? OrderLineId { get; init; }
}

/// <summary>A card as read, with the version a conditional write must match.</summary>
public sealed record StoredCard(Card Card, string ETag);
