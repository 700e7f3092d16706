namespace Gifting.Core.Messaging;

/// <summary>
/// Where rejected messages are recorded for operators; recording the same message again changes nothing. They are
/// listed newest first and may be sent to their queue again, once.
/// </summary>
public interface IRejectedMessages
{
    Task RecordAsync(RejectedMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Newest first, from <paramref name="after"/> (exclusive) or now, over the days records are kept; only those of
    /// <paramref name="queue"/> when one is named.
    /// </summary>
    Task<RejectionPage> ListAsync(
        string? queue, RejectionCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>The record with this id, or null; an id that is not one of this store's names nothing.</summary>
    Task<StoredRejection?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the replay mark if the record is still at its ETag: the new ETag, or null if it changed.
    /// </summary>
    Task<string?> TryMarkReplayAsync(StoredRejection record, ReplayMark mark, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the replay was sent, if no one recorded it yet: false when it was already confirmed (or the record
    /// is gone).
    /// </summary>
    Task<bool> TryConfirmReplayAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
