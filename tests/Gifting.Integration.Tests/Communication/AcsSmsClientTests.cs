using System.Text.Json.Nodes;
using Gifting.Core.Delivery;
using Gifting.Infra.Communication;

namespace Gifting.Integration.Tests.Communication;

/// <summary>SMS through the ACS REST API, whose 202 still answers for each recipient on its own.</summary>
public sealed class AcsSmsClientTests : IAsyncLifetime
{
    private const string To = "+447700900123";
    private static readonly DateTimeOffset FirstSent = new(2026, 12, 1, 8, 30, 0, TimeSpan.Zero);
    private static readonly SmsMessage Message = new(To, "A gift from Bo: ABCD-EFGHIJ-KLMNP");

    private FakeAcs _acs = null!;

    public async Task InitializeAsync() => _acs = await FakeAcs.StartAsync();

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    [Fact]
    public async Task Send_WhenSigned_IsAcceptedWithTheDocumentedBodyAndAnswersTheMessageId()
    {
        using var clients = AcsClients.WithAccessKey(_acs);

        var result = await clients.Sms.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.StartsWith("Outgoing_", result.ProviderId, StringComparison.Ordinal);
        var request = Assert.Single(_acs.Received);
        Assert.True(request.Accepted, request.Problem);
        var expected = JsonNode.Parse($$$"""
            {"from":"+18005550100",
             "smsRecipients":[{"to":"+447700900123","repeatabilityRequestId":"{{{RepeatabilityId.For("delivery-1")}}}",
                               "repeatabilityFirstSent":"Tue, 01 Dec 2026 08:30:00 GMT"}],
             "message":"A gift from Bo: ABCD-EFGHIJ-KLMNP",
             "smsSendOptions":{"enableDeliveryReport":true}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Theory]
    [InlineData(400, SendOutcome.Permanent)]
    [InlineData(429, SendOutcome.Transient)]
    [InlineData(503, SendOutcome.Transient)]
    public async Task Send_WhenTheRecipientFailsInsideA202_FollowsItsStatusCode(int status, SendOutcome outcome)
    {
        using var clients = AcsClients.WithAccessKey(_acs);
        _acs.Answer(FakeAcsAnswer.SmsRecipientFailed(status, $"Sending to {To} failed."));

        var result = await clients.Sms.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(outcome, result.Outcome);
        Assert.Contains($"({status} ", result.Reason, StringComparison.Ordinal);
        Assert.Contains("Sending to <recipient> failed.", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(To, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenTheWholeRequestIsThrottled_IsTransientWithAcsRetryAfter()
    {
        using var clients = AcsClients.WithAccessKey(_acs);
        _acs.Answer(FakeAcsAnswer.Throttled(retryAfterSeconds: 3));

        var result = await clients.Sms.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(3), result.RetryAfter);
    }

    [Fact]
    public async Task Send_WhenRefused_IsPermanentWithTheAcsErrorCode()
    {
        using var clients = AcsClients.WithAccessKey(_acs);
        _acs.Answer(FakeAcsAnswer.Error(400, "InvalidPhoneNumber", "Invalid To phone number format."));

        var result = await clients.Sms.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(new SendResult(SendOutcome.Permanent,
            "ACS refused the SMS (400 BadRequest, InvalidPhoneNumber: Invalid To phone number format.)."), result);
    }
}
