using Gifting.Core;
using Gifting.Core.Cards;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// A card is one document keyed by its serial. Its code hash has a separate index document keyed by the hash, so a
/// redemption is two point reads. The index is written first: a crash before the card leaves a dangling index that
/// finds nothing, never a card that cannot be found by its code.
/// </summary>
public sealed class CosmosCardStore(GiftingContainers containers) : ICardStore
{
    private Container Cards => containers.Cards;

    public async Task<bool> TryCreateAsync(Card card, CancellationToken cancellationToken)
    {
        var index = new CodeIndexDocument(card.CodeHash, card.CodeHash, card.Serial);
        try
        {
            await Cards.CreateItemAsync(index, new PartitionKey(index.Pk), cancellationToken: cancellationToken);
            await Cards.CreateItemAsync(CardDocument.From(card), new PartitionKey(card.Serial), cancellationToken: cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            return false;
        }
    }

    public async Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken)
    {
        var (document, etag) = await Cards.ReadOrNullAsync<CardDocument>(serial, serial, cancellationToken);
        return document is null ? null : new StoredCard(document.ToCard(), etag!);
    }

    public async Task<StoredCard?> FindByCodeHashAsync(IEnumerable<string> codeHashes, CancellationToken cancellationToken)
    {
        foreach (var hash in codeHashes)
        {
            var (index, _) = await Cards.ReadOrNullAsync<CodeIndexDocument>(hash, hash, cancellationToken);
            if (index is null) continue;
            var card = await FindBySerialAsync(index.Serial, cancellationToken);
            if (card?.Card.CodeHash == hash) return card;
        }
        return null;
    }

    public async Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Cards.ReplaceItemAsync(CardDocument.From(card), card.Serial, new PartitionKey(card.Serial),
                new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
            return response.ETag;
        }
        catch (CosmosException e) when (e.IsStale())
        {
            return null;
        }
    }

    internal sealed record CodeIndexDocument(string Id, string Pk, string Serial)
    {
        public string DocType { get; init; } = "code";
    }

    internal sealed record CardDocument(
        string Id, string Pk, string CardId, string CodeHash, string Last4, Money Value, string Marketplace, CardKind Kind,
        CardStatus Status, DateTimeOffset IssuedAt, string? IssuedBy, DateTimeOffset? ActivatedAt, string? ActivatedBy,
        string? ReceiptRef, string? ClaimedBy, string? RedemptionId, DateTimeOffset? RedeemedAt, DateTimeOffset? CancelledAt,
        DateTimeOffset? ClaimedAt = null, ReviewDecision? ReviewDecision = null, string? ReviewedBy = null,
        DateTimeOffset? ReviewedAt = null)
    {
        public string DocType { get; init; } = "card";

        public static CardDocument From(Card c) => new(
            c.Serial, c.Serial, c.CardId, c.CodeHash, c.Last4, c.Value, c.Marketplace.Code, c.Kind, c.Status, c.IssuedAt,
            c.IssuedBy, c.ActivatedAt, c.ActivatedBy, c.ReceiptRef, c.ClaimedBy?.Value, c.RedemptionId, c.RedeemedAt,
            c.CancelledAt, c.ClaimedAt, c.ReviewDecision, c.ReviewedBy, c.ReviewedAt);

        public Card ToCard() => new()
        {
            CardId = CardId, Serial = Id, CodeHash = CodeHash, Last4 = Last4, Value = Value,
            Marketplace = Core.Marketplace.Parse(Marketplace), Kind = Kind, Status = Status, IssuedAt = IssuedAt,
            IssuedBy = IssuedBy, ActivatedAt = ActivatedAt, ActivatedBy = ActivatedBy, ReceiptRef = ReceiptRef,
            ClaimedBy = ClaimedBy is null ? null : AccountId.Parse(ClaimedBy), RedemptionId = RedemptionId,
            RedeemedAt = RedeemedAt, CancelledAt = CancelledAt, ClaimedAt = ClaimedAt, ReviewDecision = ReviewDecision,
            ReviewedBy = ReviewedBy, ReviewedAt = ReviewedAt,
        };
    }
}
