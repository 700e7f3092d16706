using Gifting.Core;
using Gifting.Core.Cards;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// A card is one document keyed by its serial. Its code hash has a separate index document keyed by the hash, so a
/// redemption is two point reads. The index is written first: a crash before the card leaves a dangling index that
/// finds nothing, never a card that cannot be found by its code. A batch is one more document, keyed by its id.
/// </summary>
public sealed class CosmosCardStore(GiftingContainers containers) : ICardStore
{
    private Container Cards => containers.Cards;

    public async Task<CardBatch> BeginBatchAsync(CardBatch batch, CancellationToken cancellationToken)
    {
        var document = BatchDocument.From(batch);
        try
        {
            await Cards.CreateItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
            return batch;
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            var (stored, _) = await Cards.ReadOrNullAsync<BatchDocument>(document.Id, document.Pk, cancellationToken);
            return stored?.ToBatch() ?? throw new InvalidOperationException("A batch conflicted but cannot be read.");
        }
    }

    public async Task<bool> TryCreateAsync(Card card, CancellationToken cancellationToken)
    {
        var index = new CodeIndexDocument(card.CodeHash, card.CodeHash, card.Serial);
        try
        {
            await Cards.CreateItemAsync(index, new PartitionKey(index.Pk), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            return false;
        }
        try
        {
            await Cards.CreateItemAsync(
                CardDocument.From(card), new PartitionKey(card.Serial), cancellationToken: cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            await ForgetIndexAsync(index, cancellationToken);
            return false;
        }
    }

    /// <summary>
    /// The serial was taken (often by this very card, from an earlier run of its batch), so the index just written is
    /// for a code nobody will ever see. Removing it is tidiness, not safety: a lookup by it finds nothing, because the
    /// card at the serial has another hash, so a failure here must not fail the issuing run.
    /// </summary>
    private async Task ForgetIndexAsync(CodeIndexDocument index, CancellationToken cancellationToken)
    {
        try
        {
            await Cards.DeleteItemAsync<CodeIndexDocument>(
                index.Id, new PartitionKey(index.Pk), cancellationToken: cancellationToken);
        }
        catch (CosmosException)
        {
            // Left dangling, as after a crash between the two writes.
        }
    }

    public async Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken)
    {
        var (document, etag) = await Cards.ReadOrNullAsync<CardDocument>(serial, serial, cancellationToken);
        return document is null ? null : new StoredCard(document.ToCard(), etag!);
    }

    public async Task<StoredCard?> FindByCodeHashAsync(
        IEnumerable<string> codeHashes, CancellationToken cancellationToken)
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
            var response = await Cards.ReplaceItemAsync(
                CardDocument.From(card), card.Serial, new PartitionKey(card.Serial),
                new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
            return response.ETag;
        }
        catch (CosmosException e) when (e.IsStale())
        {
            return null;
        }
    }

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

    internal sealed record CodeIndexDocument(string Id, string Pk, string Serial)
    {
        public string DocType { get; init; } = "code";
    }

    internal sealed record CardDocument(
        string Id, string Pk, string CardId, string CodeHash, string Last4, Money Value, string Marketplace,
        CardKind Kind, CardStatus Status, DateTimeOffset IssuedAt, string? IssuedBy, DateTimeOffset? ActivatedAt,
        string? ActivatedBy, string? ReceiptRef, string? ClaimedBy, string? RedemptionId, DateTimeOffset? RedeemedAt,
        DateTimeOffset? CancelledAt, DateTimeOffset? ClaimedAt = null, ReviewDecision? ReviewDecision = null,
        string? ReviewedBy = null, DateTimeOffset? ReviewedAt = null)
    {
        public string DocType { get; init; } = "card";

        public static CardDocument From(Card c) => new(
            c.Serial, c.Serial, c.CardId, c.CodeHash, c.Last4, c.Value, c.Marketplace.Code, c.Kind, c.Status,
            c.IssuedAt, c.IssuedBy, c.ActivatedAt, c.ActivatedBy, c.ReceiptRef, c.ClaimedBy?.Value, c.RedemptionId,
            c.RedeemedAt, c.CancelledAt, c.ClaimedAt, c.ReviewDecision, c.ReviewedBy, c.ReviewedAt);

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
