using Gifting.Core.Cards;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// A card is one document keyed (id and partition key) by its code hash, so a redemption finds it in one point read.
/// Its serial has a small index document keyed by the serial that names the card id and the hash, so a lookup by
/// serial (support, tills, admins, the sweeper) costs two reads. A batch is one more document, keyed by its id.
/// <para>
/// Issuing writes the serial's index, then the card, both create-only. Two rules hold throughout. A card is stored at
/// a hash only by a run that has just written or read its serial's index naming that hash. The index moves off a hash
/// only once another serial's card holds it, and cards are never deleted, so no card for the serial can ever be stored
/// there. So a serial has at most one card, the one its index names, and a crash or a race leaves one of these states.
/// </para>
/// <para>
/// Nothing (a crash before the index): a re-run starts afresh.
/// </para>
/// <para>
/// The index without its card (a crash between the writes): a lookup by serial finds no card at the hash, and there
/// is nobody to look it up by code, as the code died with the run before it was reported. A re-run meets the index of
/// its own card id and stores the card under the earlier run's hash, last four and issue time, which the index keeps
/// (the rest follows from the batch), then lists it without a code. A run that was slow rather than dead then meets
/// that card at its hash, knows it by card id and serial, and reports it with its code, which is that card's.
/// </para>
/// <para>
/// The index naming another serial's card (a 1 in 2^70 code clash, and a crash after it): a lookup by serial checks
/// the card's serial and finds nothing. The issuer's next code replaces the index, ETag-checked so one run wins, and
/// its card is created under it; a crash in between is the state above.
/// </para>
/// <para>
/// Another batch's index at the serial, with or without its card: the issuer moves on to its next derived serial.
/// </para>
/// <para>
/// Both written: the card is found by its code and by its serial. Issuing reports a card only once it has stored it
/// or found it by its serial, so every reported card is in this state.
/// </para>
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

    public async Task<CardCreation> TryCreateAsync(Card card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var index = SerialIndexDocument.From(card);
        if (await TryCreateIndexAsync(index, cancellationToken)) return await CreateCardAsync(card, cancellationToken);
        var (claimed, etag) = await Cards.ReadOrNullAsync<SerialIndexDocument>(index.Id, index.Pk, cancellationToken);
        // An index is never deleted, so a missing one is a race this call cannot read: the issuer tries again.
        if (claimed is null) return CardCreation.CodeTaken;
        if (claimed.CardId != card.CardId) return CardCreation.SerialTaken;
        if (claimed.CodeHash == card.CodeHash) return await CreateCardAsync(card, cancellationToken);
        if (await CreateCardAsync(claimed.CardOf(card), cancellationToken) == CardCreation.Created)
            return CardCreation.SerialTaken;
        // Another place's card holds the hash the index names, so no card can ever be stored there: move the index.
        if (!await TryReplaceIndexAsync(index, etag!, cancellationToken)) return CardCreation.CodeTaken;
        return await CreateCardAsync(card, cancellationToken);
    }

    private async Task<bool> TryCreateIndexAsync(SerialIndexDocument index, CancellationToken cancellationToken)
    {
        try
        {
            await Cards.CreateItemAsync(index, new PartitionKey(index.Pk), cancellationToken: cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            return false;
        }
    }

    /// <summary>Created also when the card is already there: an earlier write of it, by this run or another.</summary>
    private async Task<CardCreation> CreateCardAsync(Card card, CancellationToken cancellationToken)
    {
        try
        {
            await Cards.CreateItemAsync(
                CardDocument.From(card), new PartitionKey(card.CodeHash), cancellationToken: cancellationToken);
            return CardCreation.Created;
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            var holder = await ReadAsync(card.CodeHash, cancellationToken);
            return holder?.Card.CardId == card.CardId && holder.Card.Serial == card.Serial
                ? CardCreation.Created
                : CardCreation.CodeTaken;
        }
    }

    private async Task<bool> TryReplaceIndexAsync(
        SerialIndexDocument index, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await Cards.ReplaceItemAsync(index, index.Id, new PartitionKey(index.Pk),
                new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsStale())
        {
            return false;
        }
    }

    public async Task<StoredCard?> FindBySerialAsync(string serial, CancellationToken cancellationToken)
    {
        var (index, _) = await Cards.ReadOrNullAsync<SerialIndexDocument>(serial, serial, cancellationToken);
        if (index is null) return null;
        var found = await ReadAsync(index.CodeHash, cancellationToken);
        return found?.Card.Serial == serial && found.Card.CardId == index.CardId ? found : null;
    }

    public async Task<StoredCard?> FindByCodeHashAsync(
        IEnumerable<string> codeHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHashes);
        foreach (var hash in codeHashes)
        {
            if (await ReadAsync(hash, cancellationToken) is { } found) return found;
        }
        return null;
    }

    public Task<StoredCard?> RereadAsync(Card card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        return ReadAsync(card.CodeHash, cancellationToken);
    }

    private async Task<StoredCard?> ReadAsync(string codeHash, CancellationToken cancellationToken)
    {
        var (document, etag) = await Cards.ReadOrNullAsync<CardDocument>(codeHash, codeHash, cancellationToken);
        return document is null ? null : new StoredCard(document.ToCard(), etag!);
    }

    public async Task<string?> TryReplaceAsync(Card card, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        try
        {
            var response = await Cards.ReplaceItemAsync(
                CardDocument.From(card), card.CodeHash, new PartitionKey(card.CodeHash),
                new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
            return response.ETag;
        }
        catch (CosmosException e) when (e.IsStale())
        {
            return null;
        }
    }
}
