using System.Text.Json.Serialization;
using Gifting.Core.Messaging;

namespace Gifting.Functions.Responses;

/// <summary>
/// A rejected message as operators see it: its body redacted (<see cref="RedactedBody"/>), whether it can be sent
/// again (a body kept only in part cannot), and when a replay began and was sent.
/// </summary>
public sealed record RejectedMessageItem(
    string Id, string Queue, string Reason, string Body, DateTimeOffset RejectedAt, bool Replayable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ReplayStartedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ReplayedAt)
{
    public static RejectedMessageItem Of(StoredRejection r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Queue, r.Reason, RedactedBody.Of(r.Body), r.RejectedAt, r.Complete && r.ReplayedAt is null,
            r.Replay?.At, r.ReplayedAt);
    }
}
