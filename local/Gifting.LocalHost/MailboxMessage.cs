using System.Text.Json.Serialization;

namespace Gifting.LocalHost;

/// <summary>
/// One email or SMS the local ACS accepted, as <c>GET /api/dev/mailbox</c> lists it: <see cref="Body"/> is the
/// plain text (an email's plain-text part) and <see cref="Links"/> every http(s) URL in it, in order.
/// </summary>
public sealed record MailboxMessage(
    string Channel,
    string To,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject,
    string Body,
    IReadOnlyList<string> Links,
    DateTimeOffset SentAt)
{
    public const string Email = "email";
    public const string Sms = "sms";
}
