using System.Globalization;
using Gifting.Core.Messaging;

namespace Gifting.Testing;

/// <summary>
/// One record per queue and message key, written over when recorded again, as the Cosmos upsert is; listed newest
/// first, with ETags and the replay mark and confirmation written as conditionally as the Cosmos store writes them.
/// </summary>
public sealed class InMemoryRejectedMessages : IRejectedMessages
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (RejectedMessage Message, StoredRejection Stored)> _records = new();
    private long _version;

    public IReadOnlyCollection<RejectedMessage> Messages
    {
        get
        {
            lock (_gate) return [.. _records.Values.Select(r => r.Message)];
        }
    }

    public Task RecordAsync(RejectedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = $"{message.Queue}.{message.Key}";
        lock (_gate)
            _records[id] = (message, new StoredRejection(id, message.Queue, message.Reason, message.Body,
                message.RejectedAt, message.Complete, null, null, NextETag()));
        return Task.CompletedTask;
    }

    public Task<RejectionPage> ListAsync(
        string? queue, RejectionCursor? after, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var all = _records.Values.Select(r => r.Stored)
                .Where(r => queue is null || r.Queue == queue)
                .OrderByDescending(r => r.RejectedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal)
                .Where(r => after is null || r.RejectedAt < after.RejectedAt
                    || (r.RejectedAt == after.RejectedAt && string.CompareOrdinal(r.Id, after.Id) < 0))
                .Take(limit + 1).ToList();
            if (all.Count <= limit) return Task.FromResult(new RejectionPage(all, null));
            var last = all[limit - 1];
            return Task.FromResult(new RejectionPage(all[..limit],
                new RejectionCursor(DateOnly.FromDateTime(last.RejectedAt.UtcDateTime), last.RejectedAt, last.Id)));
        }
    }

    public Task<StoredRejection?> FindAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_records.TryGetValue(id, out var r) ? r.Stored : null);
    }

    public Task<string?> TryMarkReplayAsync(
        StoredRejection record, ReplayMark mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (!_records.TryGetValue(record.Id, out var r) || r.Stored.ETag != record.ETag)
                return Task.FromResult<string?>(null);
            var etag = NextETag();
            _records[record.Id] = (r.Message, r.Stored with { Replay = mark, ETag = etag });
            return Task.FromResult<string?>(etag);
        }
    }

    public Task<bool> TryConfirmReplayAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(id, out var r) || r.Stored.Replay is null || r.Stored.ReplayedAt is not null)
                return Task.FromResult(false);
            _records[id] = (r.Message, r.Stored with { ReplayedAt = at, ETag = NextETag() });
            return Task.FromResult(true);
        }
    }

    private string NextETag() => (++_version).ToString(CultureInfo.InvariantCulture);
}
