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
    public DateTimeOffset? RedeemedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
}
