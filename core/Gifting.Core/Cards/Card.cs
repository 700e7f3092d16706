using Gifting.Core.Orders;

namespace Gifting.Core.Cards;

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
    public AccountId? ClaimedBy { get; init; }
    public string? RedemptionId { get; init; }

    /// <summary>When the current claim was made; it names the claim's entry in the sweeper's index.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>The review of a held claim, recorded in the same write that took the card out of <c>Held</c>.</summary>
    public ReviewDecision? ReviewDecision { get; init; }

    public string? ReviewedBy { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public DateTimeOffset? RedeemedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>The corporate order line the card was issued for: an e-gift has one, a batch's card none.</summary>
    public LineRef? Line { get; init; }

    /// <summary>
    /// The account the card was bought for, where the issuer knows one; a card redeemed soon after issue into another
    /// account is held for review.
    /// </summary>
    public AccountId? BoughtFor { get; init; }

    /// <summary>The rule that held the current claim for review, and why; null for a claim not held.</summary>
    public Redemptions.HoldReason? HeldFor { get; init; }

    /// <summary>The card's freeze as its latest history record set it; null if it was never frozen.</summary>
    public Freezes.FreezeState? Freeze { get; init; }

    /// <summary>A frozen card can be neither claimed nor activated.</summary>
    public bool Frozen => Freeze?.Frozen == true;
}
