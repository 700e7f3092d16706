using System.Globalization;
using Gifting.Core.Orders;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>An order's lines: written create-only in parallel, read by range of index in one query.</summary>
public sealed partial class CosmosOrderStore
{
    public async Task WriteLinesAsync(IReadOnlyList<GiftLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        await Parallel.ForEachAsync(lines,
            new ParallelOptions { MaxDegreeOfParallelism = WriteParallelism, CancellationToken = cancellationToken },
            async (line, ct) =>
            {
                try
                {
                    await Lines.CreateItemAsync(LineDocument.From(line), new PartitionKey(line.OrderId),
                        cancellationToken: ct);
                }
                catch (CosmosException e) when (e.IsConflict())
                {
                    // Written by an earlier run of the intake: a line is never written twice.
                }
            });
    }

    public async Task<IReadOnlyList<StoredLine>> ReadLinesAsync(
        string orderId, int fromIndex, int toIndex, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition(
                "SELECT * FROM c WHERE c.pk = @pk AND c.index >= @from AND c.index < @to")
            .WithParameter("@pk", orderId)
            .WithParameter("@from", fromIndex)
            .WithParameter("@to", toIndex);
        var found = await Lines.QueryPartitionAsync<LineDocument>(query, orderId, cancellationToken);
        return found.OrderBy(d => d.Index).Select(d => new StoredLine(d.ToLine(), d.ETag!)).ToList();
    }

    public async Task<StoredLine?> ReadLineAsync(string orderId, int index, CancellationToken cancellationToken)
    {
        var (document, etag) = await Lines.ReadOrNullAsync<LineDocument>(
            GiftLine.IdOf(index), orderId, cancellationToken);
        return document is null ? null : new StoredLine(document.ToLine(), etag!);
    }

    public async Task<string?> TryReplaceLineAsync(GiftLine line, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            var response = await Lines.ReplaceItemAsync(LineDocument.From(line), line.LineId,
                new PartitionKey(line.OrderId), new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
            return response.ETag;
        }
        catch (CosmosException e) when (e.IsStale() || e.IsNotFound())
        {
            return null;
        }
    }

    public async Task<Page<GiftLine>> ListLinesAsync(
        string orderId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var from = 0;
        if (cursor is not null && !int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out from))
            return new Page<GiftLine>([], null);
        var take = Take(limit);
        var found = await ReadLinesAsync(orderId, from, from + take + 1, cancellationToken);
        var page = found.Take(take).Select(s => s.Line).ToList();
        return new Page<GiftLine>(page, found.Count > take ? IndexText(page[^1].Index + 1) : null);
    }
}
