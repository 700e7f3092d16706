using Gifting.Core.Links;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// A link token's entry is one document in <c>cards</c> keyed (id and partition key) by the token's HMAC, beside the
/// card it names, so following a link costs two point reads: the entry, then the card. The hashes carry their purpose
/// (<c>link-v1-</c>), so an entry never shares an id with a card (<c>code-v1-</c>), a serial or a batch.
/// </summary>
public sealed class CosmosLinkIndex(GiftingContainers containers) : ILinkIndex
{
    public async Task AddAsync(LinkEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await containers.Cards.CreateItemAsync(
                LinkDocument.From(entry), new PartitionKey(entry.Hash), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.IsConflict())
        {
            // An earlier run of the same line's issue wrote it.
        }
    }

    public async Task<LinkEntry?> FindAsync(IEnumerable<string> hashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        foreach (var hash in hashes)
        {
            var (document, _) = await containers.Cards.ReadOrNullAsync<LinkDocument>(hash, hash, cancellationToken);
            if (document is not null) return document.ToEntry();
        }
        return null;
    }
}

/// <summary>A link token's entry, keyed by its HMAC: its card's code hash, its line, the link's expiry.</summary>
internal sealed record LinkDocument(
    string Id, string Pk, string CodeHash, LineRefDocument Line, DateTimeOffset ExpiresAt)
{
    public string DocType { get; init; } = "link";

    public static LinkDocument From(LinkEntry e) =>
        new(e.Hash, e.Hash, e.CodeHash, LineRefDocument.From(e.Line)!, e.ExpiresAt);

    public LinkEntry ToEntry() => new(Id, CodeHash, Line.ToLineRef(), ExpiresAt);
}
