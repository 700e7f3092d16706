using Gifting.Core.Concurrency;

namespace Gifting.Core.Messaging;

/// <summary>
/// An admin sends a rejected message to its queue again, once. The mark comes first, the send second and the
/// confirmation last, so a crash anywhere leaves the mark without a confirmation, and a retry of the same call sends
/// again under the mark's message id and confirms: the queue drops the copy by its id, and its consumer is
/// idempotent by the ids in the body. Of calls racing, the one that confirms answers; the others are told it was
/// already replayed.
/// </summary>
public sealed class ReplayRejectedMessage(IRejectedMessages rejections, IMessagePublisher publisher, TimeProvider clock)
{
    public Task<Result<StoredRejection>> ExecuteAsync(string id, string by, CancellationToken cancellationToken) =>
        OptimisticRetry.RunAsync<StoredRejection>($"rejected message {id}", async () =>
        {
            var record = await rejections.FindAsync(id, cancellationToken);
            if (record is null)
                return new Failure(ErrorCode.RejectedMessageNotFound, "No rejected message has this id.");
            if (record.ReplayedAt is not null) return AlreadyReplayed;
            if (!record.Complete)
                return new Failure(ErrorCode.ValidationFailed,
                    "This message was not kept whole (only its start, or with a code or token blanked), "
                    + "so it cannot be sent again.");
            // A mark already written is an earlier try of this replay that did not confirm: its send is finished here.
            var mark = record.Replay;
            if (mark is null)
            {
                mark = new ReplayMark(MessageIdOf(record), by, clock.GetUtcNow());
                if (await rejections.TryMarkReplayAsync(record, mark, cancellationToken) is not { } etag) return null;
                record = record with { Replay = mark, ETag = etag };
            }
            await publisher.PublishAsync([OutgoingMessage.Json(record.Queue, mark.MessageId, record.Body)],
                cancellationToken);
            var confirmedAt = clock.GetUtcNow();
            if (!await rejections.TryConfirmReplayAsync(record.Id, confirmedAt, CancellationToken.None))
                return AlreadyReplayed;
            return record with { ReplayedAt = confirmedAt };
        }, cancellationToken);

    private static Failure AlreadyReplayed => new(ErrorCode.AlreadyReplayed, "This message was already sent again.");

    /// <summary>
    /// The record and the time of its rejection: the same for every try of this replay, and another for a later
    /// rejection recorded over it.
    /// </summary>
    public static string MessageIdOf(StoredRejection record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = $"replay-{record.RejectedAt.ToUnixTimeMilliseconds()}-{record.Id}";
        return id.Length <= OutgoingMessage.MaxMessageIdLength ? id : id[..OutgoingMessage.MaxMessageIdLength];
    }
}
