using System.Globalization;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// An index of entries by the hour they fall due, one partition per hour (<c>{prefix}yyyyMMddHH</c>), and a watermark
/// document naming the oldest hour that may still hold entries. A read looks at the hours from the watermark to the
/// hour asked for and nothing else, and moves the watermark past the hours that have ended empty, so its cost grows
/// with what it answers and the hours since the last read, never with what was handled before.
/// </summary>
internal sealed class HourlyIndex(Container container, string prefix, string watermarkId)
{
    public static DateTimeOffset Hour(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The partition of the hour <paramref name="t"/> falls in.</summary>
    public string Bucket(DateTimeOffset t) =>
        prefix + Hour(t).ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    public Task<(Watermark? Item, string? ETag)> ReadWatermarkAsync(CancellationToken cancellationToken) =>
        container.ReadOrNullAsync<Watermark>(watermarkId, watermarkId, cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> entries due by <paramref name="upTo"/>, hour by hour from <paramref name="from"/>;
    /// <paramref name="readHour"/> reads one hour's partition, at most the room it is given. An hour that has ended and
    /// was found empty stays empty (entries arrive before they are due), so the watermark, still at
    /// <paramref name="etag"/> if nobody moved it, is moved past the leading empty hours.
    /// </summary>
    public async Task<List<T>> ReadDueAsync<T>(
        DateTimeOffset from, string? etag, DateTimeOffset upTo, int max,
        Func<string, int, Task<IReadOnlyList<T>>> readHour, CancellationToken cancellationToken)
    {
        var due = new List<T>();
        var emptyThrough = (DateTimeOffset?)null;
        var contiguous = true;
        var lastHour = Hour(upTo);
        for (var hour = Hour(from); hour <= lastHour && due.Count < max; hour = hour.AddHours(1))
        {
            var found = await readHour(Bucket(hour), max - due.Count);
            due.AddRange(found);
            contiguous &= found.Count == 0 && hour < lastHour;
            if (contiguous) emptyThrough = hour;
        }
        if (emptyThrough is { } through) await TryMoveWatermarkAsync(through.AddHours(1), etag, cancellationToken);
        return due;
    }

    /// <summary>
    /// Sets the watermark to <paramref name="hour"/> unless it moved since it was read at <paramref name="etag"/>
    /// (null: it did not exist yet).
    /// </summary>
    public async Task<bool> TryMoveWatermarkAsync(
        DateTimeOffset hour, string? etag, CancellationToken cancellationToken)
    {
        var next = new Watermark(watermarkId, watermarkId, hour);
        var key = new PartitionKey(watermarkId);
        try
        {
            if (etag is null)
                await container.CreateItemAsync(next, key, cancellationToken: cancellationToken);
            else
                await container.ReplaceItemAsync(
                    next, watermarkId, key, new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsStale() || e.IsConflict())
        {
            return false;
        }
    }

    /// <summary>Removes an entry; removing one that is not there changes nothing.</summary>
    public async Task RemoveAsync<T>(string id, string bucket, CancellationToken cancellationToken)
    {
        try
        {
            await container.DeleteItemAsync<T>(id, new PartitionKey(bucket), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.IsNotFound())
        {
            // Already removed.
        }
    }

    internal sealed record Watermark(string Id, string Pk, DateTimeOffset Hour);
}
