using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gifting.Infra.Communication;

/// <summary>
/// The JSON shapes of the ACS Email (2025-09-01) and SMS (2021-03-07) REST APIs, as far as the app uses them.
/// </summary>
internal static class AcsWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

internal sealed record EmailRequest(string SenderAddress, EmailRecipients Recipients, EmailContent Content);

internal sealed record EmailRecipients(IReadOnlyList<EmailAddress> To);

internal sealed record EmailAddress(string Address, string? DisplayName);

internal sealed record EmailContent(string Subject, string PlainText, string Html);

/// <summary>The body of a send's 202 and of an operation status: <c>{"id","status","error"?}</c>.</summary>
internal sealed record EmailOperation(string? Id, string? Status, AcsError? Error);

internal sealed record SmsRequest(
    string From, IReadOnlyList<SmsRecipient> SmsRecipients, string Message, SmsSendOptions SmsSendOptions);

internal sealed record SmsRecipient(string To, string RepeatabilityRequestId, string RepeatabilityFirstSent);

internal sealed record SmsSendOptions(bool EnableDeliveryReport);

/// <summary>A 202 of <c>POST /sms</c> answers per recipient; each may have failed on its own.</summary>
internal sealed record SmsSendResponse(IReadOnlyList<SmsSendResponseItem>? Value);

internal sealed record SmsSendResponseItem(
    string? To, string? MessageId, int HttpStatusCode, string? RepeatabilityResult, bool Successful,
    string? ErrorMessage);

/// <summary>The standard ACS error body: <c>{"error":{"code","message"}}</c>.</summary>
internal sealed record AcsErrorResponse(AcsError? Error);

internal sealed record AcsError(string? Code, string? Message);
