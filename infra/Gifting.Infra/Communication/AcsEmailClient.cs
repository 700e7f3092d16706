using System.Net;
using System.Net.Http.Json;
using Gifting.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Gifting.Infra.Communication;

/// <summary>
/// Sends email through ACS (<c>POST /emails:send</c>, api-version 2025-09-01). A 202 means ACS queued the message
/// as a long-running operation, whose id comes back as the <see cref="SendResult.ProviderId"/>; what became of it
/// later is <see cref="GetStatusAsync"/>'s to tell.
/// </summary>
public sealed class AcsEmailClient(HttpClient http, IOptions<AcsOptions> options) : IEmailSender
{
    public const string ApiVersion = "2025-09-01";
    private const string What = "email";

    private readonly Uri _endpoint = options.Value.ResolvedEndpoint();
    private readonly string _sender = options.Value.EmailSender!;

    public async Task<SendResult> SendAsync(
        EmailMessage message, string deliveryId, DateTimeOffset firstSent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = RepeatabilityId.For(deliveryId).ToString("D");
        var body = new EmailRequest(_sender,
            new EmailRecipients([new EmailAddress(message.To, NullIfBlank(message.ToName))]),
            new EmailContent(message.Subject, message.Text, message.Html));
        var uri = new Uri(_endpoint, $"/emails:send?api-version={ApiVersion}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(body, options: AcsWire.Json),
        };
        // Operation-Id is the GA API's own handle on a send; the repeatability headers are what earlier versions
        // de-duplicated by. Both carry the id derived from the delivery, so every attempt presents the same one.
        request.Headers.Add("Operation-Id", id);
        request.Headers.Add("Repeatability-Request-Id", id);
        request.Headers.Add("Repeatability-First-Sent", RepeatabilityId.FirstSent(firstSent));
        await request.Content.LoadIntoBufferAsync(cancellationToken);

        return await AcsAnswers.SendAsync(http, request, What, async response =>
        {
            if (response.IsSuccessStatusCode)
            {
                var operationId = await OperationIdAsync(response, id, cancellationToken);
                return new SendResult(SendOutcome.Sent, ProviderId: operationId);
            }
            if (response.StatusCode == HttpStatusCode.Conflict && await AlreadyAcceptedAsync(id, cancellationToken))
                return new SendResult(SendOutcome.Sent, ProviderId: id);
            return await AcsAnswers.FailureAsync(response, What, [message.To, message.ToName], cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Where the send operation stands: <c>NotStarted</c>, <c>Running</c>, <c>Succeeded</c>, <c>Failed</c> or
    /// <c>Canceled</c>. An answer other than 200 throws <see cref="HttpRequestException"/> with ACS's error code.
    /// </summary>
    public async Task<AcsEmailStatus> GetStatusAsync(string operationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        var uri = new Uri(_endpoint,
            $"/emails/operations/{Uri.EscapeDataString(operationId)}?api-version={ApiVersion}");
        using var response = await http.GetAsync(uri, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await AcsAnswers.ErrorAsync(response, cancellationToken);
            throw new HttpRequestException(
                $"ACS answered {(int)response.StatusCode} ({error?.Code ?? "no error code"}) to the status query of "
                + $"operation {operationId}.", null, response.StatusCode);
        }
        var operation = await response.Content.ReadFromJsonAsync<EmailOperation>(AcsWire.Json, cancellationToken);
        return new AcsEmailStatus(operation?.Id ?? operationId, operation?.Status ?? "Unknown",
            operation?.Error?.Code, operation?.Error?.Message, AcsAnswers.RetryAfter(response));
    }

    /// <summary>
    /// A conflict on the id of this delivery means an earlier attempt created the operation: unless that operation
    /// failed, the email is on its way and sending again would be the double send the id exists to prevent.
    /// </summary>
    private async Task<bool> AlreadyAcceptedAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return (await GetStatusAsync(id, cancellationToken)).Status is not ("Failed" or "Canceled");
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The last segment of <c>Operation-Location</c>, else the body's id, else the id the request carried.
    /// </summary>
    private static async Task<string> OperationIdAsync(
        HttpResponseMessage response, string sentId, CancellationToken cancellationToken)
    {
        if (response.Headers.TryGetValues("Operation-Location", out var locations)
            && Uri.TryCreate(locations.First(), UriKind.Absolute, out var location)
            && location.Segments.Length > 0 && location.Segments[^1].Trim('/') is { Length: > 0 } fromLocation)
            return Uri.UnescapeDataString(fromLocation);
        try
        {
            var operation = await response.Content.ReadFromJsonAsync<EmailOperation>(AcsWire.Json, cancellationToken);
            return string.IsNullOrWhiteSpace(operation?.Id) ? sentId : operation.Id;
        }
        catch (System.Text.Json.JsonException)
        {
            return sentId;
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
