using System.Security.Cryptography;
using Gifting.Core.Delivery;
using Gifting.Infra.Communication;
using Gifting.Integration.Tests.Communication;
using Gifting.LocalHost;
using Microsoft.Extensions.Time.Testing;

namespace Gifting.Integration.Tests.Local;

/// <summary>What the stand-in's ACS refuses, as ACS refuses it: a request not signed with its key.</summary>
public sealed class LocalAcsRefusalTests : IAsyncLifetime
{
    private static readonly EmailMessage Email = new("ann@example.com", "Ann Lee", "A gift", "<p>Hi</p>", "Hi");
    private static readonly SmsMessage Sms = new("+447700900123", "Hi");

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
    public async Task Send_SignedWithAnotherKey_IsRefused401AndNothingIsStored()
    {
        using var clients = Clients(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        var email = await clients.Email.SendAsync(Email, "delivery-6", _time.GetUtcNow(), CancellationToken.None);
        var sms = await clients.Sms.SendAsync(Sms, "delivery-6", _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(
            "ACS refused the email (401 Unauthorized, Denied: Denied by the resource provider: the signature does not "
            + "match.).", email.Reason);
        Assert.Equal((SendOutcome.Permanent, SendOutcome.Permanent), (email.Outcome, sms.Outcome));
        Assert.Empty(_acs.Mailbox.Messages);
        Assert.Empty(_folder.GetFiles());
    }

    [Fact]
    public async Task Send_WhoseBodyChangedAfterSigning_IsRefused401AndNothingIsStored()
    {
        var key = Convert.FromBase64String(_acs.AccessKey);
        using var http = new HttpClient(new AcsHmacSigningHandler(key, _time)
        {
            InnerHandler = new ChangeBody { InnerHandler = new HttpClientHandler() },
        });
        using var content = new StringContent("""{"from":"+15550100000","message":"signed"}""");

        using var response = await http.PostAsync(new Uri(_acs.Endpoint, "/sms?api-version=2021-03-07"), content);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("x-ms-content-sha256 does not match the body", await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.Empty(_acs.Mailbox.Messages);
    }

    private AcsClients Clients(string accessKey) => new(
        LocalSettings.Communication(_acs.Endpoint, accessKey), services => services.AddSingleton<TimeProvider>(_time));

    private sealed class ChangeBody : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Content = new StringContent("""{"from":"+15550100000","message":"changed"}""");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
