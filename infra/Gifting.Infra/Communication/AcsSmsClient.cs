using System.Net.Http.Json;
using Gifting.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Gifting.Infra.Communication;

/// <summary>
/// Sends SMS through ACS (<c>POST /sms</c>, api-version 2021-03-07). ACS answers 202 for the request and gives
/// each recipient its own result, so a 202 can still carry a refused number or a throttled send.
/// </summary>
public sealed class AcsSmsClient(HttpClient http, IOptions<AcsOptions> options) : ISmsSender
{
    public const string ApiVersion = "2021-03-07";
    private const string What = "SMS";

    private readonly Uri _endpoint = options.Value.ResolvedEndpoint();
    private readonly string _from = options.Value.SmsFrom!;

    public async Task<SendResult> SendAsync(
        SmsMessage message, string deliveryId, DateTimeOffset firstSent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var recipient = new SmsRecipient(message.To, RepeatabilityId.For(deliveryId).ToString("D"),
            RepeatabilityId.FirstSent(firstSent));
        var body = new SmsRequest(_from, [recipient], message.Text, new SmsSendOptions(EnableDeliveryReport: true));
        var uri = new Uri(_endpoint, $"/sms?api-version={ApiVersion}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(body, options: AcsWire.Json),
        };
        await request.Content.LoadIntoBufferAsync(cancellationToken);

        return await AcsAnswers.SendAsync(http, request, What, async response =>
            response.IsSuccessStatusCode
                ? await RecipientResultAsync(response, message.To, cancellationToken)
                : await AcsAnswers.FailureAsync(response, What, [message.To], cancellationToken),
            cancellationToken);
    }

    private static async Task<SendResult> RecipientResultAsync(
        HttpResponseMessage response, string to, CancellationToken cancellationToken)
    {
        SmsSendResponse? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync<SmsSendResponse>(AcsWire.Json, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            answer = null;
        }
        var item = answer?.Value?.FirstOrDefault(i => string.Equals(i.To, to, StringComparison.Ordinal))
            ?? (answer?.Value is { Count: > 0 } items ? items[0] : null);
        if (item is null)
            // Accepted but unexplained: a later try under the same repeatability id is the safe way to find out.
            return new SendResult(SendOutcome.Transient,
                $"ACS accepted the SMS request ({(int)response.StatusCode}) but gave no result for the recipient.");
        if (item.Successful)
            return new SendResult(SendOutcome.Sent, ProviderId: item.MessageId);
        var code = item.RepeatabilityResult is "rejected" ? "repeatability rejected" : null;
        return AcsAnswers.Classify(
            item.HttpStatusCode, code, item.ErrorMessage, AcsAnswers.RetryAfter(response), What, [to]);
    }
}
