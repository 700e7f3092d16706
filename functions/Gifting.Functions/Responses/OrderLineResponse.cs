using System.Text.Json.Serialization;
using Gifting.Core.Orders;

namespace Gifting.Functions.Responses;

/// <summary>
/// One line of an order as its buyer sees it: the recipient's contact masked, the card's last four once the line is
/// issued. Never the code, sealed or not, and never the full contact.
/// </summary>
public sealed record OrderLineResponse(
    string LineId, string Recipient, string Channel, string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Last4 = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? SentAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailureReason = null)
{
    public static OrderLineResponse Of(GiftLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var (recipient, channel) = line.Channel == DeliveryChannel.Email
            ? (MaskEmail(line.Email!), "email")
            : (MaskPhone(line.Phone!), "sms");
        // A pending line may already name the card it will be, and a line cancelled before issuing keeps that name:
        // neither card is the line's, so its last four are not shown.
        var issued = line.Status is not LineStatus.Pending && line.IssuedAt is not null;
        return new OrderLineResponse(line.LineId, recipient, channel, StatusName(line.Status),
            issued ? line.Last4 : null, line.SentAt, line.FailureReason);
    }

    /// <summary><c>a***@example.com</c>: the first character and the domain.</summary>
    public static string MaskEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return at < 1 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    /// <summary><c>+1******0123</c>: the first two characters and the last four, the rest starred.</summary>
    public static string MaskPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return phone.Length < 7
            ? new string('*', phone.Length)
            : string.Concat(phone.AsSpan(0, 2), new string('*', phone.Length - 6), phone.AsSpan(phone.Length - 4));
    }

    public static string StatusName(LineStatus status) => status switch
    {
        LineStatus.Pending => "pending",
        LineStatus.Scheduled => "scheduled",
        LineStatus.Sent => "sent",
        LineStatus.Failed => "failed",
        LineStatus.Redeemed => "redeemed",
        LineStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
