using System.Text.Json;
using Gifting.Infra.Communication;

namespace Gifting.LocalHost;

/// <summary><c>POST /sms</c>: one result per recipient, each recipient's repeatability id honoured on its own.
/// </summary>
public sealed partial class LocalAcs
{
    private async Task<LocalAcsAnswer> SmsAsync(HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        if (ApiVersionProblem(request, AcsSmsClient.ApiVersion) is { } wrongVersion)
            return wrongVersion;
        var sms = Read<LocalSmsRequest>(body);
        if (SmsProblem(sms) is { } problem)
            return BadRequest(problem);
        var results = new List<LocalSmsResult>();
        foreach (var recipient in sms!.SmsRecipients!)
        {
            var id = recipient.RepeatabilityRequestId;
            results.Add(await _repeats.OnceAsync(id is null ? null : "sms:" + id, async () =>
            {
                await Mailbox.AddSmsAsync(sms.From!, recipient.To!, sms.Message!, _time.GetUtcNow(),
                    cancellationToken);
                return new LocalSmsResult(recipient.To!, $"Outgoing_{Guid.NewGuid():N}_noam", 202, "accepted", true);
            }, cancellationToken));
        }
        return new LocalAcsAnswer(202, JsonSerializer.Serialize(new { value = results }, LocalAcsWire.Json));
    }

    private string? SmsProblem(LocalSmsRequest? sms)
    {
        if (sms is null)
            return "The body is not an SMS send request.";
        if (sms.From != SmsFrom)
            return $"from must be {SmsFrom}, the number of this resource.";
        if (string.IsNullOrEmpty(sms.Message))
            return "message must not be empty.";
        if (sms.SmsRecipients is not { Count: > 0 } recipients
            || recipients.Any(r => r.To is not { Length: >= 3 } to || to[0] != '+' || !to[1..].All(char.IsAsciiDigit)))
            return "smsRecipients must list at least one recipient, each with a number in E.164 form.";
        if (recipients.Any(r => r.RepeatabilityRequestId is { } id
            && (!Guid.TryParse(id, out _) || !IsRfc1123(r.RepeatabilityFirstSent))))
            return "repeatabilityRequestId must be a GUID, with repeatabilityFirstSent in RFC 1123 form.";
        return null;
    }
}
