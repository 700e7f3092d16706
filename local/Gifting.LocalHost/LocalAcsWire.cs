using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gifting.LocalHost;

/// <summary>The request and answer bodies of ACS Email (2025-09-01) and SMS (2021-03-07), as the local ACS reads
/// and writes them.</summary>
internal static class LocalAcsWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Error(string code, string message) =>
        JsonSerializer.Serialize(new { error = new { code, message } }, Json);
}

internal sealed record LocalEmailRequest(string? SenderAddress, LocalEmailRecipients? Recipients,
    LocalEmailContent? Content);

internal sealed record LocalEmailRecipients(IReadOnlyList<LocalEmailAddress>? To);

internal sealed record LocalEmailAddress(string? Address, string? DisplayName);

internal sealed record LocalEmailContent(string? Subject, string? PlainText, string? Html);

internal sealed record LocalSmsRequest(
    string? From, IReadOnlyList<LocalSmsRecipient>? SmsRecipients, string? Message);

internal sealed record LocalSmsRecipient(string? To, string? RepeatabilityRequestId, string? RepeatabilityFirstSent);

internal sealed record LocalSmsResult(
    string To, string MessageId, int HttpStatusCode, string RepeatabilityResult, bool Successful);

/// <summary>An answer as it went out, kept so a repeat of the same request id gets it again.</summary>
internal sealed record LocalAcsAnswer(int Status, string Body, string? OperationLocation = null);
