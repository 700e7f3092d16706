using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>A document of an <see cref="HourlyEntries{TEntry, TDocument}"/> index: its id and its hour.</summary>
internal interface IHourlyDocument
{
    string Id { get; }

    string Pk { get; }
}

/// <summary>
/// Entries of unfinished work by the hour it began, in the <c>expiries</c> container (<c>{prefix}yyyyMMddHH</c>),
/// read through an <see cref="HourlyIndex"/>. Work is indexed when it begins, always in the current hour, so only the
/// sweeper moves the watermark, and the work pays one upsert and one delete. A read looks at the hours from the
/// watermark to now and nothing else. The redemption and order sweepers each keep one.
/// </summary>
internal sealed class HourlyEntries<TEntry, TDocument>(
    Container expiries, string prefix, Func<TEntry, HourlyIndex, TDocument> toDocument,
    Func<TDocument, TEntry> toEntry, Func<TEntry, DateTimeOffset> since)
    where TDocument : IHourlyDocument
{
    /// <summary>Where the first run ever starts looking.</summary>
    private static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(7);

    private readonly HourlyIndex _hours = new(expiries, prefix, prefix + "watermark");

    public Task AddAsync(TEntry entry, CancellationToken cancellationToken)
    {
        var document = toDocument(entry, _hours);
        return expiries.UpsertItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<TEntry>> DueAsync(DateTimeOffset upTo, int max, CancellationToken cancellationToken)
    {
        var (watermark, etag) = await _hours.ReadWatermarkAsync(cancellationToken);
        // A past hour found empty stays empty (work is indexed in the hour it begins): the watermark may pass it.
        var due = await _hours.ReadDueAsync(watermark?.Hour ?? upTo - FirstLookBack, etag, upTo, max,
            (bucket, _) => HourAsync(bucket, upTo, cancellationToken), cancellationToken);
        return due.OrderBy(since).Take(max).ToList();
    }

    public Task RemoveAsync(TEntry entry, CancellationToken cancellationToken)
    {
        var document = toDocument(entry, _hours);
        return _hours.RemoveAsync<TDocument>(document.Id, document.Pk, cancellationToken);
    }

    private async Task<IReadOnlyList<TEntry>> HourAsync(
        string bucket, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.sinceMs <= @upTo")
            .WithParameter("@pk", bucket)
            .WithParameter("@upTo", upTo.ToUnixTimeMilliseconds());
        var found = await expiries.QueryPartitionAsync<TDocument>(query, bucket, cancellationToken);
        return found.Select(toEntry).ToList();
    }
}
