namespace Gifting.Core.Messaging;

/// <summary>
/// A replay begun: the message id it sends under (derived from the record, so every try of the same replay sends the
/// same message and the queue's duplicate detection drops a second copy), who asked, and when.
/// </summary>
public sealed record ReplayMark(string MessageId, string By, DateTimeOffset At);

/// <summary>
/// A rejected message as operators see it. <see cref="Complete"/> is false when the body kept is a prefix of the
/// message (it was too large to keep or to read), so it cannot be sent again. <see cref="Replay"/> is written before
/// the message is sent again, <see cref="ReplayedAt"/> once the queue accepted it.
/// </summary>
public sealed record StoredRejection(
    string Id, string Queue, string Reason, string Body, DateTimeOffset RejectedAt, bool Complete,
    ReplayMark? Replay, DateTimeOffset? ReplayedAt, string ETag);

/// <summary>Where a listing stopped: the day it was reading and the last record it gave.</summary>
public sealed record RejectionCursor(DateOnly Day, DateTimeOffset RejectedAt, string Id);

public sealed record RejectionPage(IReadOnlyList<StoredRejection> Items, RejectionCursor? Next);
