using Gifting.Core.Delivery;
using Gifting.Infra.Communication;
using Gifting.Integration.Tests.Communication;
using Gifting.LocalHost;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Gifting.Integration.Tests.Local;

/// <summary>The app's own ACS clients against the stand-in's ACS, and what lands in its mailbox.</summary>
public sealed class LocalAcsTests : IAsyncLifetime
{
    private const string Link = "https://gifts.example/redeem?t=abc123";
    private static readonly EmailMessage Email = new("ann@example.com", "Ann Lee", "A gift from Bo",
        $"<p>Your code: ABCD-EFGHIJ-KLMNP</p><p><a href=\"{Link}\">Redeem</a></p>",
        $"Your code: ABCD-EFGHIJ-KLMNP. Redeem at {Link}.");
    private static readonly SmsMessage Sms = new("+447700900123", $"A gift from Bo: ABCD-EFGHIJ-KLMNP {Link}");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mailbox-");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private LocalAcs _acs = null!;

    public async Task InitializeAsync() => _acs = await LocalAcs.StartAsync(new LocalMailbox(_folder.FullName),
        LocalSettings.EmailSender, LocalSettings.SmsFrom, _time, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _acs.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Email_FromTheAppsClient_LandsOnceInTheMailboxAndAsAnEmlAMailClientReads()
    {
        using var clients = Clients();

        var result = await clients.Email.SendAsync(Email, "delivery-1", _time.GetUtcNow(), CancellationToken.None);

        var operationId = RepeatabilityId.For("delivery-1").ToString();
        Assert.Equal(new SendResult(SendOutcome.Sent, ProviderId: operationId), result);
        var status = await clients.EmailClient.GetStatusAsync(operationId, CancellationToken.None);
        Assert.Equal("Succeeded", status.Status);
        var message = Assert.Single(_acs.Mailbox.Messages);
        Assert.Equal(new MailboxMessage("email", "ann@example.com", "A gift from Bo", Email.Text, message.Links,
            _time.GetUtcNow()), message);
        Assert.Equal([Link], message.Links);
        var eml = MimeMessage.Load(Assert.Single(_folder.GetFiles("*.eml")).FullName);
        Assert.Equal("A gift from Bo", eml.Subject);
        Assert.Equal(Email.Text, eml.TextBody?.TrimEnd());
        Assert.Equal(Email.Html, eml.HtmlBody?.TrimEnd());
        var to = Assert.Single(eml.To.Mailboxes);
        Assert.Equal(("Ann Lee", "ann@example.com"), (to.Name, to.Address));
        Assert.Equal(LocalSettings.EmailSender, Assert.Single(eml.From.Mailboxes).Address);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds(), eml.Date.ToUnixTimeSeconds());
        Assert.Equal("multipart/alternative", eml.Body?.ContentType.MimeType);
    }

    [Fact]
    public async Task Sms_FromTheAppsClient_LandsOnceInTheMailboxAndAsATxt()
    {
        using var clients = Clients();

        var result = await clients.Sms.SendAsync(Sms, "delivery-2", _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.StartsWith("Outgoing_", result.ProviderId, StringComparison.Ordinal);
        var message = Assert.Single(_acs.Mailbox.Messages);
        Assert.Equal(("sms", Sms.To, (string?)null, Sms.Text), (message.Channel, message.To, message.Subject,
            message.Body));
        Assert.Equal([Link], message.Links);
        var text = await File.ReadAllTextAsync(Assert.Single(_folder.GetFiles("*.txt")).FullName);
        Assert.Contains($"To: {Sms.To}\n", text, StringComparison.Ordinal);
        Assert.EndsWith($"\n\n{Sms.Text}\n", text, StringComparison.Ordinal);
        Assert.Empty(_folder.GetFiles("*.eml"));
    }

    [Fact]
    public async Task SameDelivery_SentTwiceAndConcurrently_IsStoredOnceWithTheSameAnswer()
    {
        using var clients = Clients();
        var at = _time.GetUtcNow();

        var emails = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            clients.Email.SendAsync(Email, "delivery-3", at, CancellationToken.None)));
        var texts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            clients.Sms.SendAsync(Sms, "delivery-4", at, CancellationToken.None)));

        Assert.Single(emails.Distinct());
        Assert.Single(texts.Distinct());
        Assert.Equal(SendOutcome.Sent, texts[0].Outcome);
        Assert.Equal(["email", "sms"], _acs.Mailbox.Messages.Select(m => m.Channel));
        Assert.Equal(2, _folder.GetFiles().Length);
    }

    [Fact]
    public async Task SameDelivery_AfterFiveMinutes_IsSentAgainAsAcsHasForgottenItsId()
    {
        using var clients = Clients();
        await clients.Sms.SendAsync(Sms, "delivery-5", _time.GetUtcNow(), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(5));
        await clients.Sms.SendAsync(Sms, "delivery-5", _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(2, _acs.Mailbox.Messages.Count);
    }

    private AcsClients Clients() => new(
        LocalSettings.Communication(_acs.Endpoint, _acs.AccessKey),
        services => services.AddSingleton<TimeProvider>(_time));
}
