using Gifting.Core;
using Gifting.Core.Cards;
using Gifting.Core.Orders;
using Gifting.Core.Redemptions;

namespace Gifting.Infra.Cosmos;

/// <summary>A batch, keyed by its id; its salt never leaves the database and the service.</summary>
internal sealed record BatchDocument(
    string Id, string Pk, string BatchId, byte[] Salt, int Count, Money Value, string Marketplace, CardKind Kind,
    bool Activated)
{
    public string DocType { get; init; } = "batch";

    public static BatchDocument From(CardBatch b) =>
        new("batch-" + b.BatchId, "batch-" + b.BatchId, b.BatchId, b.Salt, b.Count, b.Value, b.Marketplace.Code,
            b.Kind, b.Activated);

    public CardBatch ToBatch() =>
        new(BatchId, Salt, Count, Value, Core.Marketplace.Parse(Marketplace), Kind, Activated);
}

/// <summary>
/// A serial's claim, keyed by the serial: the card it belongs to and the code hash its card is stored under, with
/// what a re-run of the batch cannot derive (the last four symbols and the time) to store that card after a crash.
/// </summary>
internal sealed record SerialIndexDocument(
    string Id, string Pk, string CardId, string CodeHash, string Last4, DateTimeOffset IssuedAt)
{
    public string DocType { get; init; } = "serial";

    public static SerialIndexDocument From(Card c) =>
        new(c.Serial, c.Serial, c.CardId, c.CodeHash, c.Last4, c.IssuedAt);

    /// <summary>The card of this claim, given a card of the same place from another run of its batch.</summary>
    public Card CardOf(Card place) => place with { CodeHash = CodeHash, Last4 = Last4, IssuedAt = IssuedAt };
}

/// <summary>A card, keyed by its code hash: the one document a redemption reads.</summary>
internal sealed record CardDocument(
    string Id, string Pk, string Serial, string CardId, string Last4, Money Value, string Marketplace,
    CardKind Kind, CardStatus Status, DateTimeOffset IssuedAt, string? IssuedBy, DateTimeOffset? ActivatedAt,
    string? ActivatedBy, string? ReceiptRef, string? ClaimedBy, string? RedemptionId, DateTimeOffset? RedeemedAt,
    DateTimeOffset? CancelledAt, DateTimeOffset? ClaimedAt = null, ReviewDecision? ReviewDecision = null,
    string? ReviewedBy = null, DateTimeOffset? ReviewedAt = null, LineRefDocument? Line = null,
    FreezeDocument? Freeze = null, string? BoughtFor = null, string? HeldRule = null, string? HeldReason = null)
{
    public string DocType { get; init; } = "card";

    public static CardDocument From(Card c) => new(
        c.CodeHash, c.CodeHash, c.Serial, c.CardId, c.Last4, c.Value, c.Marketplace.Code, c.Kind, c.Status,
        c.IssuedAt, c.IssuedBy, c.ActivatedAt, c.ActivatedBy, c.ReceiptRef, c.ClaimedBy?.Value, c.RedemptionId,
        c.RedeemedAt, c.CancelledAt, c.ClaimedAt, c.ReviewDecision, c.ReviewedBy, c.ReviewedAt,
        LineRefDocument.From(c.Line), FreezeDocument.From(c.Freeze), c.BoughtFor?.Value, c.HeldFor?.Rule,
        c.HeldFor?.Reason);

    public Card ToCard() => new()
    {
        CardId = CardId, Serial = Serial, CodeHash = Id, Last4 = Last4, Value = Value,
        Marketplace = Core.Marketplace.Parse(Marketplace), Kind = Kind, Status = Status, IssuedAt = IssuedAt,
        IssuedBy = IssuedBy, ActivatedAt = ActivatedAt, ActivatedBy = ActivatedBy, ReceiptRef = ReceiptRef,
        ClaimedBy = ClaimedBy is null ? null : AccountId.Parse(ClaimedBy), RedemptionId = RedemptionId,
        RedeemedAt = RedeemedAt, CancelledAt = CancelledAt, ClaimedAt = ClaimedAt, ReviewDecision = ReviewDecision,
        ReviewedBy = ReviewedBy, ReviewedAt = ReviewedAt, Line = Line?.ToLineRef(), Freeze = Freeze?.ToState(),
        BoughtFor = BoughtFor is null ? null : AccountId.Parse(BoughtFor),
        HeldFor = HeldRule is null ? null : new HoldReason(HeldRule, HeldReason ?? ""),
    };
}

/// <summary>The order line an e-gift's card was issued for.</summary>
internal sealed record LineRefDocument(string Org, string OrderId, int Index)
{
    public static LineRefDocument? From(LineRef? line) =>
        line is null ? null : new(line.Org.Value, line.OrderId, line.Index);

    public LineRef ToLineRef() => new(OrgId.Parse(Org), OrderId, Index);
}
