using System.Globalization;
using System.Text.Json.Serialization;
using Gifting.Core;
using Gifting.Core.Codes;
using Gifting.Core.Orders;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// An order, keyed by its id in its org's partition. <c>marks</c> names the steps already counted; it is written only
/// by the counting patch, never by a replace, so a replace of the order's own fields cannot undo a count.
/// <c>sortKey</c> (creation time, then id) orders an org's list.
/// </summary>
internal sealed record OrderDocument(
    string Id, string Pk, OrderStatus Status, bool Visible, string SortKey, string Marketplace, string? ExternalRef,
    string SenderName, DateTimeOffset? DeliverAt, Money Total, int LineCount, int ChunkSize, byte[] Salt,
    DateTimeOffset CreatedAt, string CreatedBy, string Fingerprint, CountsDocument Counts,
    OrderStatus? PublishedFor, DateTimeOffset? CancelledAt, string? CancelledBy)
{
    public string DocType { get; init; } = "order";

    public Dictionary<string, bool> Marks { get; init; } = [];

    public static string SortKeyOf(Order o) =>
        o.CreatedAt.ToUnixTimeMilliseconds().ToString("D15", CultureInfo.InvariantCulture) + ":" + o.OrderId;

    public static OrderDocument From(Order o) => new(
        o.OrderId, o.Org.Value, o.Status, o.Visible, SortKeyOf(o), o.Marketplace.Code, o.ExternalRef, o.SenderName,
        o.DeliverAt, o.Total, o.LineCount, o.ChunkSize, o.Salt, o.CreatedAt, o.CreatedBy, o.Fingerprint,
        CountsDocument.From(o.Counts), o.PublishedFor, o.CancelledAt, o.CancelledBy);

    public Order ToOrder() => new()
    {
        OrderId = Id, Org = OrgId.Parse(Pk), Status = Status, Marketplace = Core.Marketplace.Parse(Marketplace),
        ExternalRef = ExternalRef, SenderName = SenderName, DeliverAt = DeliverAt, Total = Total,
        LineCount = LineCount, ChunkSize = ChunkSize, Salt = Salt, CreatedAt = CreatedAt, CreatedBy = CreatedBy,
        Fingerprint = Fingerprint, Counts = Counts.ToCounts(), PublishedFor = PublishedFor,
        CancelledAt = CancelledAt, CancelledBy = CancelledBy,
    };
}

internal sealed record CountsDocument(int Issued, int Sent, int Failed, int Redeemed)
{
    public static CountsDocument From(OrderCounts c) => new(c.Issued, c.Sent, c.Failed, c.Redeemed);

    public OrderCounts ToCounts() => new(Issued, Sent, Failed, Redeemed);
}

/// <summary>A line, keyed by its line id in its order's partition; chunks read ranges of <c>index</c>.</summary>
internal sealed record LineDocument(
    string Id, string Pk, string Org, int Index, int Number, string RecipientName, string? Email, string? Phone,
    DeliveryChannel Channel, Money Amount, string? Message, LineStatus Status, string? CardId, string? Serial,
    int SerialAttempt, string? CodeHash, string? Last4, SealedCodeDocument? SealedCode, DateTimeOffset? IssuedAt,
    DateTimeOffset? SentAt, string? FailureReason, DateTimeOffset? RedeemedAt, DateTimeOffset? CancelledAt,
    bool Uncounted, SealedCodeDocument? SealedLink = null, DateTimeOffset? LinkExpiresAt = null, int Sends = 0,
    string? ClaimedDelivery = null, DateTimeOffset? ClaimedAt = null, DateTimeOffset? FirstClaimedAt = null,
    string? DoneDelivery = null, DateTimeOffset? LastRequestedAt = null)
{
    public string DocType { get; init; } = "line";

    /// <summary>The version Cosmos DB keeps on the document, as a query returns it; never written.</summary>
    [JsonPropertyName("_etag")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ETag { get; init; }

    public static LineDocument From(GiftLine l) => new(
        l.LineId, l.OrderId, l.Org.Value, l.Index, l.Number, l.RecipientName, l.Email, l.Phone, l.Channel, l.Amount,
        l.Message, l.Status, l.CardId, l.Serial, l.SerialAttempt, l.CodeHash, l.Last4,
        SealedCodeDocument.From(l.SealedCode), l.IssuedAt, l.SentAt, l.FailureReason, l.RedeemedAt, l.CancelledAt,
        l.Uncounted, SealedCodeDocument.From(l.SealedLink), l.LinkExpiresAt, l.Sends, l.ClaimedDelivery, l.ClaimedAt,
        l.FirstClaimedAt, l.DoneDelivery, l.LastRequestedAt);

    public GiftLine ToLine() => new()
    {
        OrderId = Pk, Org = OrgId.Parse(Org), Index = Index, Number = Number, RecipientName = RecipientName,
        Email = Email, Phone = Phone, Channel = Channel, Amount = Amount, Message = Message, Status = Status,
        CardId = CardId, Serial = Serial, SerialAttempt = SerialAttempt, CodeHash = CodeHash, Last4 = Last4,
        SealedCode = SealedCode?.ToSealed(), IssuedAt = IssuedAt, SentAt = SentAt, FailureReason = FailureReason,
        RedeemedAt = RedeemedAt, CancelledAt = CancelledAt, Uncounted = Uncounted,
        SealedLink = SealedLink?.ToSealed(), LinkExpiresAt = LinkExpiresAt, Sends = Sends,
        ClaimedDelivery = ClaimedDelivery, ClaimedAt = ClaimedAt, FirstClaimedAt = FirstClaimedAt,
        DoneDelivery = DoneDelivery, LastRequestedAt = LastRequestedAt,
    };
}

internal sealed record SealedCodeDocument(int KeyVersion, byte[] Nonce, byte[] Ciphertext, byte[] Tag)
{
    public static SealedCodeDocument? From(EncryptedCode? c) =>
        c is null ? null : new(c.KeyVersion, c.Nonce, c.Ciphertext, c.Tag);

    public EncryptedCode ToSealed() => new(KeyVersion, Nonce, Ciphertext, Tag);
}
