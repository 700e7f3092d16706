using Gifting.Core.Delivery;
using Gifting.Infra.Communication;

namespace Gifting.Integration.Tests.Communication;

/// <summary>Every attempt at one delivery presents ACS the same repeatable-request id, whichever channel.</summary>
public sealed class RepeatabilityIdTests : IAsyncLifetime
{
    private FakeAcs _acs = null!;

    public async Task InitializeAsync() => _acs = await FakeAcs.StartAsync();

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    [Fact]
    public async Task Send_OfTheSameDeliveryTwice_CarriesTheSameRequestIdInBothClients()
    {
        var email = new EmailMessage("ann@example.com", "Ann", "Hello", "<p>Hi</p>", "Hi");
        var sms = new SmsMessage("+447700900123", "Hi");
        var firstSent = DateTimeOffset.UtcNow;
        using (var clients = AcsClients.WithAccessKey(_acs))
        {
            await clients.Email.SendAsync(email, "delivery-7", firstSent, CancellationToken.None);
            await clients.Sms.SendAsync(sms, "delivery-7", firstSent, CancellationToken.None);
        }
        using (var again = AcsClients.WithAccessKey(_acs))
        {
            await again.Email.SendAsync(email, "delivery-7", firstSent, CancellationToken.None);
            await again.Sms.SendAsync(sms, "delivery-7", firstSent, CancellationToken.None);
            await again.Email.SendAsync(email, "delivery-8", firstSent, CancellationToken.None);
        }

        var ids = _acs.Accepted.Select(r => r.Header("Repeatability-Request-Id")
            ?? r.Json.GetProperty("smsRecipients")[0].GetProperty("repeatabilityRequestId").GetString()).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Single(ids.Take(4).Distinct());
        Assert.Equal(RepeatabilityId.For("delivery-7").ToString(), ids[0]);
        Assert.NotEqual(ids[0], ids[4]);
    }

    [Fact]
    public void For_IsAWellFormedUuidOfVersion8()
    {
        var id = RepeatabilityId.For("delivery-7").ToString();

        Assert.Equal('8', id[14]);
        Assert.Contains(id[19], "89ab");
    }
}
