using Gifting.Core.Messaging;
using Gifting.Functions.Responses;

namespace Gifting.Functions.Triggers;

/// <summary>
/// A rejected message as it is stored. No queue's body carries a claim code or a link token, but a producer's mistake
/// could put one in; such a body is kept redacted (<see cref="RedactedBody"/>), because no secret rests in storage,
/// and is then not complete, so it cannot be sent again as it came: its producer sends a corrected one.
/// </summary>
public static class RejectionToKeep
{
    public static RejectedMessage Of(
        string queue, string key, string reason, string body, DateTimeOffset rejectedAt, bool complete = true)
    {
        var redacted = RedactedBody.Of(body);
        return Masks(redacted) > Masks(body)
            ? new RejectedMessage(queue, key, reason, redacted, rejectedAt, Complete: false)
            : new RejectedMessage(queue, key, reason, body, rejectedAt, complete);
    }

    private static int Masks(string text)
    {
        var count = 0;
        for (var at = text.IndexOf(RedactedBody.Mask, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(RedactedBody.Mask, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
