using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Gifting.Core.Messaging;
using Microsoft.Azure.Cosmos;

namespace Gifting.Infra.Cosmos;

/// <summary>
/// Rejected messages, kept 30 days for operators, one partition per day of rejection (<c>rejections-yyyyMMdd</c>).
/// A record's id begins with its day, so it is read by a point read; a listing walks the kept days newest first with
/// one query inside each day's partition (the emulator runs no ORDER BY and no cross-partition query), choosing the
/// page from a small projection and reading only the page.
/// </summary>
public sealed class CosmosRejectedMessages(GiftingContainers containers, TimeProvider clock) : IRejectedMessages
{
    public const int KeepDays = 30;
    private const int KeepSeconds = KeepDays * 24 * 3600;
    private const int MaxBodyChars = 8192;
    private const string DayFormat = "yyyyMMdd";

    private Container Rejections => containers.Rejections;

    public Task RecordAsync(RejectedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var day = DateOnly.FromDateTime(message.RejectedAt.UtcDateTime);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.Key)));
        var id = $"{day.ToString(DayFormat, CultureInfo.InvariantCulture)}.{message.Queue}.{hash}";
        var complete = message.Complete && message.Body.Length <= MaxBodyChars;
        var body = complete ? message.Body : message.Body[..Math.Min(message.Body.Length, MaxBodyChars)];
        var document = new RejectionDocument(id, PartitionOf(day), message.Queue, message.Reason, body,
            message.RejectedAt, message.RejectedAt.ToUnixTimeMilliseconds(), complete, KeepSeconds);
        return Rejections.UpsertItemAsync(
            document, new PartitionKey(document.Pk), cancellationToken: cancellationToken);
    }

    public async Task<RejectionPage> ListAsync(
        string? queue, RejectionCursor? after, int limit, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var oldest = today.AddDays(-KeepDays);
        var page = new List<StoredRejection>();
        var start = after is null || after.Day > today ? today : after.Day;
        for (var day = start; day >= oldest && page.Count <= limit; day = day.AddDays(-1))
        {
            var keys = await KeysAsync(day, queue, cancellationToken);
            var wanted = keys
                .Where(k => after is null || day < after.Day || Before(k, after))
                .OrderByDescending(k => k.RejectedAtMs).ThenByDescending(k => k.Id, StringComparer.Ordinal)
                .Take(limit + 1 - page.Count).Select(k => k.Id).ToList();
            if (wanted.Count > 0) page.AddRange(await ReadAsync(day, wanted, cancellationToken));
        }
        if (page.Count <= limit) return new RejectionPage(page, null);
        var last = page[limit - 1];
        return new RejectionPage(page[..limit],
            new RejectionCursor(DateOnly.FromDateTime(last.RejectedAt.UtcDateTime), last.RejectedAt, last.Id));
    }

    public async Task<StoredRejection?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (DayOf(id) is not { } day) return null;
        var (document, etag) = await Rejections.ReadOrNullAsync<RejectionDocument>(id, PartitionOf(day),
            cancellationToken);
        return document?.ToStored(etag!);
    }

    public async Task<string?> TryMarkReplayAsync(
        StoredRejection record, ReplayMark mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(mark);
        try
        {
            var response = await Rejections.PatchItemAsync<RejectionDocument>(record.Id,
                new PartitionKey(PartitionOf(DayOf(record.Id)!.Value)),
                [PatchOperation.Set("/replay", new ReplayDocument(mark.MessageId, mark.By, mark.At))],
                new PatchItemRequestOptions { IfMatchEtag = record.ETag }, cancellationToken);
            return response.ETag;
        }
        catch (CosmosException e) when (e.IsStale() || e.IsNotFound())
        {
            return null;
        }
    }

    public async Task<bool> TryConfirmReplayAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (DayOf(id) is not { } day) return false;
        try
        {
            await Rejections.PatchItemAsync<RejectionDocument>(id, new PartitionKey(PartitionOf(day)),
                [PatchOperation.Set("/replayedAt", at)],
                new PatchItemRequestOptions
                {
                    FilterPredicate = "FROM c WHERE IS_DEFINED(c.replay) AND NOT IS_DEFINED(c.replayedAt)",
                }, cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.IsStale() || e.IsNotFound())
        {
            return false;
        }
    }

    private static bool Before(RejectionKey key, RejectionCursor after) =>
        key.RejectedAtMs < after.RejectedAt.ToUnixTimeMilliseconds()
        || (key.RejectedAtMs == after.RejectedAt.ToUnixTimeMilliseconds()
            && string.CompareOrdinal(key.Id, after.Id) < 0);

    private async Task<List<RejectionKey>> KeysAsync(DateOnly day, string? queue, CancellationToken cancellationToken)
    {
        var pk = PartitionOf(day);
        var query = new QueryDefinition("SELECT c.id, c.rejectedAtMs FROM c WHERE c.pk = @pk"
                + (queue is null ? "" : " AND c.queue = @queue"))
            .WithParameter("@pk", pk).WithParameter("@queue", queue);
        return await Rejections.QueryPartitionAsync<RejectionKey>(query, pk, cancellationToken);
    }

    private async Task<IEnumerable<StoredRejection>> ReadAsync(
        DateOnly day, List<string> ids, CancellationToken cancellationToken)
    {
        var pk = PartitionOf(day);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND ARRAY_CONTAINS(@ids, c.id)")
            .WithParameter("@pk", pk).WithParameter("@ids", ids);
        var found = (await Rejections.QueryPartitionAsync<RejectionDocument>(query, pk, cancellationToken))
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
        // In the order chosen; a record that expired between the two reads is left out.
        return ids.Where(found.ContainsKey).Select(id => found[id].ToStored(found[id].ETag ?? ""));
    }

    private static string PartitionOf(DateOnly day) =>
        "rejections-" + day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static DateOnly? DayOf(string id) =>
        id.Length > DayFormat.Length + 1 && id[DayFormat.Length] == '.'
        && DateOnly.TryParseExact(id[..DayFormat.Length], DayFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var day)
            ? day
            : null;

    internal sealed record RejectionKey(string Id, long RejectedAtMs);

    internal sealed record ReplayDocument(string MessageId, string By, DateTimeOffset At);

    internal sealed record RejectionDocument(
        string Id, string Pk, string Queue, string Reason, string Body, DateTimeOffset RejectedAt, long RejectedAtMs,
        bool Complete, int Ttl,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReplayDocument? Replay = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ReplayedAt = null)
    {
        [JsonPropertyName("_etag")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ETag { get; init; }

        public StoredRejection ToStored(string etag) => new(Id, Queue, Reason, Body, RejectedAt, Complete,
            Replay is null ? null : new ReplayMark(Replay.MessageId, Replay.By, Replay.At), ReplayedAt, etag);
    }
}
