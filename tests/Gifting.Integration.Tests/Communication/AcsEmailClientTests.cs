using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gifting.Core.Delivery;
using Gifting.Infra.Communication;

namespace Gifting.Integration.Tests.Communication;

/// <summary>Email through the ACS REST API, against a fake resource that checks what ACS checks.</summary>
public sealed class AcsEmailClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset FirstSent = new(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(1));
    private static readonly EmailMessage Message = new(
        "ann@example.com", "Ann Lee", "A gift from Bo", "<p>Your code: ABCD-EFGHIJ-KLMNP</p>",
        "Your code: ABCD-EFGHIJ-KLMNP");

    private FakeAcs _acs = null!;

    public async Task InitializeAsync() => _acs = await FakeAcs.StartAsync();

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    [Fact]
    public async Task Send_WhenSigned_IsAcceptedOnceWithTheDocumentedBodyAndRepeatabilityHeaders()
    {
        using var clients = AcsClients.WithAccessKey(_acs);

        var result = await clients.Email.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(new SendResult(SendOutcome.Sent, ProviderId: RepeatabilityId.For("delivery-1").ToString()),
            result);
        var request = Assert.Single(_acs.Received);
        Assert.True(request.Accepted, request.Problem);
        var expected = JsonNode.Parse("""
            {"senderAddress":"DoNotReply@gifts.example",
             "recipients":{"to":[{"address":"ann@example.com","displayName":"Ann Lee"}]},
             "content":{"subject":"A gift from Bo","plainText":"Your code: ABCD-EFGHIJ-KLMNP",
                        "html":"<p>Your code: ABCD-EFGHIJ-KLMNP</p>"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
        Assert.Equal(RepeatabilityId.For("delivery-1").ToString(), request.Header("Repeatability-Request-Id"));
        Assert.Equal("Tue, 01 Dec 2026 08:30:00 GMT", request.Header("Repeatability-First-Sent"));
    }

    [Fact]
    public async Task Send_WithAWrongAccessKey_IsRefusedAsPermanentWithAReadableReason()
    {
        using var clients = AcsClients.WithAccessKey(_acs, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        var result = await clients.Email.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Equal("ACS refused the email (401 Unauthorized, Denied: the signature does not match).", result.Reason);
        Assert.Empty(_acs.Accepted);
    }

    [Fact]
    public async Task Send_WhenThrottled_IsTransientWithAcsRetryAfter()
    {
        using var clients = AcsClients.WithAccessKey(_acs);
        _acs.Answer(FakeAcsAnswer.Throttled(retryAfterSeconds: 7));

        var result = await clients.Email.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Contains("429", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Send_WhenAcsFails_IsTransient(int status)
    {
        using var clients = AcsClients.WithAccessKey(_acs);
        _acs.Answer(FakeAcsAnswer.Failing(status));

        var result = await clients.Email.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Contains($"{status}", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenAcsDoesNotAnswerInTime_IsTransient()
    {
        using var clients = AcsClients.WithAccessKey(_acs, timeout: TimeSpan.FromMilliseconds(300));
        _acs.Answer(FakeAcsAnswer.Slow(TimeSpan.FromSeconds(10)));

        var result = await clients.Email.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(new SendResult(SendOutcome.Transient, "ACS did not answer the email within 0.3 s."), result);
    }

    [Fact]
    public async Task Send_WhenTheCallerCancels_ThrowsRatherThanAnsweringTransient()
    {
        using var clients = AcsClients.WithAccessKey(_acs);
        _acs.Answer(FakeAcsAnswer.Slow(TimeSpan.FromSeconds(10)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            clients.Email.SendAsync(Message, "delivery-1", FirstSent, cancel.Token));
    }

    [Fact]
    public async Task Send_WhenRefused_IsPermanentWithTheAcsErrorCodeAndNeitherRecipientNorContent()
    {
        using var clients = AcsClients.WithAccessKey(_acs);
        _acs.Answer(FakeAcsAnswer.Error(400, "InvalidRecipient", "The address ann@example.com (Ann Lee) is invalid."));

        var result = await clients.Email.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Equal(
            "ACS refused the email (400 BadRequest, InvalidRecipient: "
            + "The address <recipient> (<recipient>) is invalid.).",
            result.Reason);
    }

    [Fact]
    public async Task Send_WhenAcsAnswersConflictForAnOperationAlreadyAccepted_IsSentUnderThatOperation()
    {
        using var clients = AcsClients.WithAccessKey(_acs);
        var first = await clients.Email.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);
        _acs.Answer(FakeAcsAnswer.Error(409, "Conflict", "An operation with this id already exists."));

        var again = await clients.Email.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Send_WhenAcsAnswersConflictWithNoSuchOperation_IsPermanent()
    {
        using var clients = AcsClients.WithAccessKey(_acs);
        _acs.Answer(FakeAcsAnswer.Error(409, "Conflict", "Conflicting request."));

        var result = await clients.Email.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        Assert.Equal(new SendResult(SendOutcome.Permanent,
            "ACS refused the email (409 Conflict, Conflict: Conflicting request.)."), result);
    }

    [Fact]
    public async Task GetStatus_AfterASend_ReportsTheOperationByItsId()
    {
        using var clients = AcsClients.WithAccessKey(_acs);
        var sent = await clients.Email.SendAsync(Message, "delivery-1", FirstSent, CancellationToken.None);

        var status = await clients.EmailClient.GetStatusAsync(sent.ProviderId!, CancellationToken.None);

        Assert.Equal(new AcsEmailStatus(sent.ProviderId!, "Succeeded", null, null, null), status);
        Assert.True(status.IsFinal);
        Assert.All(_acs.Received, r => Assert.True(r.Accepted, r.Problem));
    }
}
