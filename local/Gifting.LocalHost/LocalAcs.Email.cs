using System.Globalization;
using System.Text.Json;
using Gifting.Infra.Communication;
using MimeKit;

namespace Gifting.LocalHost;

/// <summary><c>POST /emails:send</c> and <c>GET /emails/operations/{id}</c>.</summary>
public sealed partial class LocalAcs
{
    private const string OperationsPath = "/emails/operations/";

    private async Task<LocalAcsAnswer> EmailAsync(HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        if (ApiVersionProblem(request, AcsEmailClient.ApiVersion) is { } wrongVersion)
            return wrongVersion;
        var email = Read<LocalEmailRequest>(body);
        if (EmailProblem(email, request.Headers) is { } problem)
            return BadRequest(problem);
        var to = email!.Recipients!.To!.Select(r => new MailboxAddress(r.DisplayName, r.Address!)).ToList();
        var content = email.Content!;
        var given = First(request.Headers, "Operation-Id") ?? First(request.Headers, "Repeatability-Request-Id");
        var id = given ?? Guid.NewGuid().ToString("D");
        return await _repeats.OnceAsync(given is null ? null : "email:" + id, async () =>
        {
            await Mailbox.AddEmailAsync(email.SenderAddress!, to, content.Subject!, content.PlainText ?? "",
                content.Html ?? "", _time.GetUtcNow(), cancellationToken);
            _operations[id] = "Succeeded";
            return new LocalAcsAnswer(202, JsonSerializer.Serialize(new { id, status = "Running" }, LocalAcsWire.Json),
                $"{Endpoint}emails/operations/{Uri.EscapeDataString(id)}?api-version={AcsEmailClient.ApiVersion}");
        }, cancellationToken);
    }

    private LocalAcsAnswer Status(HttpRequest request, string path)
    {
        if (ApiVersionProblem(request, AcsEmailClient.ApiVersion) is { } wrongVersion)
            return wrongVersion;
        var id = Uri.UnescapeDataString(path[OperationsPath.Length..]);
        return _operations.TryGetValue(id, out var status)
            ? new LocalAcsAnswer(200, JsonSerializer.Serialize(new { id, status }, LocalAcsWire.Json))
            : new LocalAcsAnswer(404, LocalAcsWire.Error("NotFound", "No such operation."));
    }

    private string? EmailProblem(LocalEmailRequest? email, IHeaderDictionary headers)
    {
        if (email is null)
            return "The body is not an email send request.";
        if (!string.Equals(email.SenderAddress, EmailSender, StringComparison.OrdinalIgnoreCase))
            return $"senderAddress must be {EmailSender}, the sender this resource is linked to.";
        if (email.Recipients?.To is not { Count: > 0 } to
            || to.Any(r => r.Address is null || !MailboxAddress.TryParse(r.Address, out _)))
            return "recipients.to must list at least one recipient, each with a valid address.";
        if (string.IsNullOrEmpty(email.Content?.Subject)
            || (string.IsNullOrEmpty(email.Content.PlainText) && string.IsNullOrEmpty(email.Content.Html)))
            return "content needs a subject and a plainText or html body.";
        if (First(headers, "Operation-Id") is { } operationId && !Guid.TryParse(operationId, out _))
            return "Operation-Id must be a GUID.";
        if (First(headers, "Repeatability-Request-Id") is { } requestId
            && (!Guid.TryParse(requestId, out _) || !IsRfc1123(First(headers, "Repeatability-First-Sent"))))
            return "Repeatability-Request-Id must be a GUID, with Repeatability-First-Sent in RFC 1123 form.";
        return null;
    }

    private static string? First(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0])
            ? values[0]
            : null;

    private static bool IsRfc1123(string? value) => DateTimeOffset.TryParseExact(
        value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
}
