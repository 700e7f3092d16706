namespace Gifting.Core.Messaging;

/// <summary>
/// A queue message that can never succeed (malformed, or naming an unknown account), kept with its reason.
/// <see cref="Complete"/> is false when <see cref="Body"/> is only the start of the message (one too large to read).
/// </summary>
public sealed record RejectedMessage(
    string Queue, string Key, string Reason, string Body, DateTimeOffset RejectedAt, bool Complete = true);
