namespace Gifting.Core.Messaging;

/// <summary>
/// A queue message that can never succeed (malformed, or naming an unknown account), kept with its reason.
/// <see cref="Complete"/> is false when <see cref="Body"/> is not the whole message: only its start (one too large to
/// read), or redacted (one that carried a claim code or link token).
/// </summary>
public sealed record RejectedMessage(
    string Queue, string Key, string Reason, string Body, DateTimeOffset RejectedAt, bool Complete = true);
