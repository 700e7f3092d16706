using Gifting.Core.Messaging;

namespace Gifting.Testing;

/// <summary>Where a replay stops once: after its mark is written, or after the send before it is confirmed.</summary>
public enum ReplayCrash { AfterMark, AfterSend }

/// <summary>
/// Rejected messages whose first replay dies at <paramref name="crash"/>: the write it crashes after is kept, as a
/// process that dies after a write leaves it. A confirmation that crashes "after the send" never reaches the store.
/// </summary>
public sealed class CrashingRejectedMessages(IRejectedMessages inner, ReplayCrash crash) : IRejectedMessages
{
    private int _crashed;

    public Task RecordAsync(RejectedMessage message, CancellationToken cancellationToken) =>
        inner.RecordAsync(message, cancellationToken);

    public Task<RejectionPage> ListAsync(
        string? queue, RejectionCursor? after, int limit, CancellationToken cancellationToken) =>
        inner.ListAsync(queue, after, limit, cancellationToken);

    public Task<StoredRejection?> FindAsync(string id, CancellationToken cancellationToken) =>
        inner.FindAsync(id, cancellationToken);

    public async Task<string?> TryMarkReplayAsync(
        StoredRejection record, ReplayMark mark, CancellationToken cancellationToken)
    {
        var etag = await inner.TryMarkReplayAsync(record, mark, cancellationToken);
        if (crash == ReplayCrash.AfterMark && etag is not null && Interlocked.Exchange(ref _crashed, 1) == 0)
            throw new SimulatedCrashException();
        return etag;
    }

    public Task<bool> TryConfirmReplayAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (crash == ReplayCrash.AfterSend && Interlocked.Exchange(ref _crashed, 1) == 0)
            throw new SimulatedCrashException();
        return inner.TryConfirmReplayAsync(id, at, cancellationToken);
    }
}
