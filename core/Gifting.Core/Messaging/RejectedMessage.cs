namespace Gifting.Core.Messaging;

/// <summary>
/// A queue message that can never succeed (malformed, or naming an unknown account), kept with its reason.
/// </summary>
public sealed record RejectedMessage(string Queue, string Key, string Reason, string Body, DateTimeOffset RejectedAt);
