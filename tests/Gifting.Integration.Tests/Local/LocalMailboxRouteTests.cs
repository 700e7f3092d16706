using System.Text.Json;
using Gifting.Core.Delivery;
using Gifting.Integration.Tests.Communication;
using Gifting.LocalHost;
using Microsoft.Extensions.Configuration;

namespace Gifting.Integration.Tests.Local;

/// <summary>
/// <c>GET /api/dev/mailbox</c> on a running stand-in, whose handler's settings point at the stand-in's ACS.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class LocalMailboxRouteTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task Mailbox_AfterTheHandlersAcsSettingsSentAnEmailAndAnSms_ListsBothInTheContractsShape()
    {
        await using var standIn = await LocalStandIn.StartAsync(
            0, cosmos.Endpoint, cosmos.Settings(), runSchedules: false, CancellationToken.None);
        var configuration = standIn.HandlerServices.GetRequiredService<IConfiguration>();
        using var clients = new AcsClients(configuration.GetSection("Communication").AsEnumerable()
            .ToDictionary(pair => pair.Key, pair => pair.Value));
        var now = DateTimeOffset.UtcNow;
        var email = new EmailMessage("ann@example.com", "Ann", "A gift", "<p>https://gifts.example/r?t=1</p>",
            "Open https://gifts.example/r?t=1");
        Assert.Equal(SendOutcome.Sent,
            (await clients.Email.SendAsync(email, Guid.NewGuid().ToString(), now, CancellationToken.None)).Outcome);
        Assert.Equal(SendOutcome.Sent, (await clients.Sms.SendAsync(new SmsMessage("+447700900123", "Hi"),
            Guid.NewGuid().ToString(), now, CancellationToken.None)).Outcome);
        using var http = new HttpClient { BaseAddress = standIn.Address };

        using var response = await http.GetAsync("/api/dev/mailbox");

        Assert.Equal(200, (int)response.StatusCode);
        var list = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Null, list.GetProperty("nextCursor").ValueKind);
        var items = list.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["channel", "to", "subject", "body", "links", "sentAt"],
            items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("email", "ann@example.com", "A gift", "Open https://gifts.example/r?t=1"), (
            items[0].GetProperty("channel").GetString(), items[0].GetProperty("to").GetString(),
            items[0].GetProperty("subject").GetString(), items[0].GetProperty("body").GetString()));
        Assert.Equal(["https://gifts.example/r?t=1"],
            items[0].GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.True(items[0].GetProperty("sentAt").GetDateTimeOffset() >= now.AddSeconds(-1));
        Assert.Equal(["channel", "to", "body", "links", "sentAt"], items[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("sms", items[1].GetProperty("channel").GetString());
        Assert.Equal(LocalSettings.EmailSender, configuration["Communication:EmailSender"]);
    }
}
